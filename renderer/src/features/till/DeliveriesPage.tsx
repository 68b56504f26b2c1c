import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Segmented, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { DELIVERY_STATUSES, type Delivery } from '../../../../shared/contract/till';
import { formatCardNumber } from '../../../../shared/rules/cardNumber';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { chineseDateTime } from '../../components/format';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import { DeliveryRequestDialog } from './DeliveryRequestDialog';

type Status = Delivery['status'];
const STATUS_COLOR: Record<Status, string> = { requested: 'orange', delivered: 'green', cancelled: 'default' };

/** 送货上门: this shop's delivery requests by status; 已送达 or 取消 for the open ones. */
export default function DeliveriesPage() {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [status, setStatus] = useState<Status | 'all'>('requested');
  const [adding, setAdding] = useState(false);
  const list = useApiQuery('till.deliveries', status === 'all' ? {} : { status });
  const setDeliveryStatus = useApiMutation('till.setDeliveryStatus');

  const mark = (d: Delivery, to: Status) =>
    setDeliveryStatus.mutate(
      { id: d.id, status: to },
      {
        onSuccess: () => {
          invalidate('till.');
          message.success(t(to === 'delivered' ? 'tillDeliveries.delivered' : 'tillDeliveries.cancelled'));
        },
        onError: (err) => message.error(failureText(err)),
      },
    );

  const columns: TableProps<Delivery>['columns'] = [
    { title: t('tillDeliveries.requestedAt'), dataIndex: 'requestedAt', width: 200, render: (ms: number) => chineseDateTime(ms) },
    { title: t('tillDeliveries.cardNo'), dataIndex: 'cardNo', width: 150, render: (n: string) => formatCardNumber(n) },
    { title: t('tillDeliveries.holder'), dataIndex: 'maskedName', width: 100 },
    { title: t('tillDeliveries.address'), dataIndex: 'address' },
    { title: t('tillDeliveries.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
    { title: t('tillDeliveries.status'), dataIndex: 'status', width: 100, render: (s: Status) => <Tag color={STATUS_COLOR[s]}>{t(`tillDeliveries.status.${s}`)}</Tag> },
    {
      title: t('tillDeliveries.actions'),
      key: 'actions',
      width: 220,
      render: (_, d) =>
        d.status === 'requested' && (
          <Space>
            <Button type="primary" onClick={() => mark(d, 'delivered')} data-testid="delivery-delivered">
              {t('tillDeliveries.markDelivered')}
            </Button>
            <Popconfirm
              title={t('tillDeliveries.cancelConfirm')}
              okText={t('tillDeliveries.cancel')}
              cancelText={t('tillDeliveries.keep')}
              okButtonProps={{ danger: true }}
              onConfirm={() => mark(d, 'cancelled')}
            >
              <Button danger>{t('tillDeliveries.cancel')}</Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={2}>{t('tillDeliveries.title')}</Typography.Title>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('tillDeliveries.new')}
        </Button>
      </div>
      <Segmented<Status | 'all'>
        size="large"
        value={status}
        onChange={setStatus}
        options={[...DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`tillDeliveries.status.${s}`) })), { value: 'all', label: t('tillDeliveries.all') }]}
        style={{ marginBottom: 12 }}
      />
      {list.error && <Alert type="error" showIcon title={failureText(list.error)} style={{ marginBottom: 12 }} />}
      <Table<Delivery>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('tillDeliveries.empty') }}
        data-testid="deliveries-table"
      />
      <DeliveryRequestDialog open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}

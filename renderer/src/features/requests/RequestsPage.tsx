import { useState } from 'react';
import { Alert, App, Button, Space, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { OFFICE } from '../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { failureText, showApiError } from '../../components/apiErrors';
import { downloadBase64 } from '../../components/files';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { t } from '../../i18n';
import { useMe } from '../../app/session/SessionContext';
import { RequestDetailDrawer } from './RequestDetailDrawer';
import { RequestFilters, type RequestFilterValues } from './RequestFilters';
import { RequestFormDialog } from './RequestFormDialog';
import { RequestTable } from './RequestTable';
import './requests.css';

export default function RequestsPage() {
  const me = useMe();
  const office = OFFICE.includes(me.role);
  const { message } = App.useApp();
  const [filters, setFilters] = useState<RequestFilterValues>({ q: '' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const exporter = useApiMutation('requests.export');

  const q = useDebouncedValue(filters.q.trim(), 250);
  const query = { ...filters, q: q || undefined };
  const list = useApiQuery('requests.list', { ...query, limit: pageSize, offset: (page - 1) * pageSize }, { placeholderData: keepPreviousData });

  const exportList = () =>
    exporter.mutate(query, {
      onSuccess: (file) => {
        downloadBase64(file.fileName, file.base64);
        message.success(t('requestsPage.exported', { count: file.rows, fileName: file.fileName }));
      },
      onError: (err) => showApiError(err, (text) => message.error(text)),
    });

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={2}>{t('requestsPage.title')}</Typography.Title>
        {office && (
          <Space wrap>
            <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('requestsPage.add')}
            </Button>
            <Button size="large" icon={<DownloadOutlined />} loading={exporter.isPending} onClick={exportList}>
              {t('requestsPage.export')}
            </Button>
          </Space>
        )}
      </div>
      <RequestFilters
        value={filters}
        onChange={(v) => {
          setFilters(v);
          setPage(1);
        }}
      />
      {list.error && <Alert type="error" showIcon title={failureText(list.error)} style={{ marginBottom: 16 }} />}
      <RequestTable
        rows={list.data?.rows ?? []}
        loading={list.isFetching && !list.data}
        onOpen={(r) => setOpenId(r.id)}
        emptyText={t('requestsPage.noMatch')}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('requestsPage.total', { count: n }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
      <RequestDetailDrawer requestId={openId} onClose={() => setOpenId(null)} />
      <RequestFormDialog open={creating} onClose={() => setCreating(false)} onCreated={(r) => setOpenId(r.id)} />
    </div>
  );
}

import { useState } from 'react';
import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { MODE_COLORS, MODE_LABELS } from './labels';
import ServiceFormModal, { type Service } from './ServiceFormModal';
import { nowrap } from './tableCells';

/** 服务事项: what residents can come for, with the ticket letter and the time limit. */
export default function ServicesTab() {
  const services = useApiQuery('services.list', {});
  const stations = useApiQuery('stations.list', {});
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const stationName = new Map((stations.data ?? []).map((s) => [s.id, s.name]));

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">取号、受理和统计都按这里的事项分类；不再办理的事项请停用，不要删除。</Typography.Text>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          添加服务事项
        </Button>
      </Flex>
      {services.isError && <Alert type="error" showIcon title={failureText(services.error)} style={{ marginBottom: 16 }} />}
      <Table<Service>
        rowKey="id"
        loading={services.isPending}
        dataSource={services.data ?? []}
        pagination={false}
        locale={{ emptyText: '还没有服务事项' }}
        onRow={(s) => (s.active ? {} : { style: { color: 'rgba(0,0,0,0.45)' } })}
        columns={[
          { title: '类别', ...nowrap, dataIndex: 'category' },
          { title: '名称', ...nowrap, dataIndex: 'name' },
          {
            title: '取号字母',
            ...nowrap,
            dataIndex: 'prefix',
            align: 'center',
            render: (p: string) => <span style={{ fontSize: 18, fontWeight: 600 }}>{p}</span>,
          },
          {
            title: '默认办理方式',
            ...nowrap,
            dataIndex: 'defaultMode',
            render: (m: Service['defaultMode']) => <Tag color={MODE_COLORS[m]}>{MODE_LABELS[m]}</Tag>,
          },
          {
            title: '时限',
            ...nowrap,
            dataIndex: 'timeLimitDays',
            render: (d: number) => (d === 0 ? '当天办结' : `${d} 个工作日`),
          },
          {
            title: '窗口 / 驿站',
            key: 'where',
            render: (_, s) => {
              const parts = [
                s.counters.length ? `${s.counters.join('、')} 号窗口` : '',
                s.stationIds.map((id) => stationName.get(id) ?? '（已删除）').join('、'),
              ].filter(Boolean);
              return parts.length ? parts.join('；') : '任一窗口';
            },
          },
          {
            title: '需预约',
            ...nowrap,
            dataIndex: 'needsAppointment',
            render: (n: boolean) => (n ? <Tag color="purple">需预约</Tag> : '否'),
          },
          {
            title: '启用',
            ...nowrap,
            dataIndex: 'active',
            render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
          },
          {
            title: '操作',
            ...nowrap,
            key: 'actions',
            render: (_, s) => <Button onClick={() => setEditing(s)}>编辑</Button>,
          },
        ]}
      />
      <ServiceFormModal service={editing} all={services.data ?? []} onClose={() => setEditing(null)} />
    </>
  );
}

import { useState } from 'react';
import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { formatMonthDay, todayInShanghai } from './format';
import StationFormModal, { type Station } from './StationFormModal';
import { summariseHours } from './stationHours';
import { useNow } from '../../components/useNow';
import { nowrap } from './tableCells';

/** 驿站: the stations, when they are open and the days they are closed. */
export default function StationsTab() {
  const stations = useApiQuery('stations.list', {});
  const [editing, setEditing] = useState<Station | 'new' | null>(null);
  const today = todayInShanghai(useNow(600_000));

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">预约和值班按这里的开放时间安排；法定节假日和调休按“节假日”页的日历自动处理。</Typography.Text>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          添加驿站
        </Button>
      </Flex>
      {stations.isError && <Alert type="error" showIcon title={failureText(stations.error)} style={{ marginBottom: 16 }} />}
      <Table<Station>
        rowKey="id"
        loading={stations.isPending}
        dataSource={stations.data ?? []}
        pagination={false}
        locale={{ emptyText: '还没有驿站' }}
        onRow={(s) => (s.active ? {} : { style: { color: 'rgba(0,0,0,0.45)' } })}
        columns={[
          { title: '名称', ...nowrap, dataIndex: 'name' },
          { title: '地址', dataIndex: 'address' },
          { title: '开放时间', dataIndex: 'hours', render: (h: Station['hours']) => summariseHours(h) },
          {
            title: '临时闭馆',
            dataIndex: 'closedDates',
            render: (dates: string[]) => {
              const coming = dates.filter((d) => d >= today);
              if (coming.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
              const shown = coming.slice(0, 3).map(formatMonthDay).join('、');
              return coming.length > 3 ? `${shown} 等 ${coming.length} 天` : shown;
            },
          },
          {
            title: '启用',
            ...nowrap,
            dataIndex: 'active',
            render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
          },
          { title: '操作', ...nowrap, key: 'actions', render: (_, s) => <Button onClick={() => setEditing(s)}>编辑</Button> },
        ]}
      />
      <StationFormModal station={editing} onClose={() => setEditing(null)} />
    </>
  );
}

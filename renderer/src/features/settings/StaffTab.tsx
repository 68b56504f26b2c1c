import { useState } from 'react';
import { Alert, Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import StaffFormModal, { type StaffMember } from './StaffFormModal';
import StaffPinModal from './StaffPinModal';
import { BadgeModal } from '../duty/BadgeModal';
import { nowrap } from './tableCells';

/** 工作人员: the people who serve residents, their stations and check-in PINs. */
export default function StaffTab() {
  const staff = useApiQuery('staff.list', {});
  const stations = useApiQuery('stations.list', {});
  const users = useApiQuery('users.list', {});
  const [editing, setEditing] = useState<StaffMember | 'new' | null>(null);
  const [pinFor, setPinFor] = useState<StaffMember | null>(null);
  const [badgeFor, setBadgeFor] = useState<StaffMember | null>(null);
  const stationName = new Map((stations.data ?? []).map((s) => [s.id, s.name]));
  const username = new Map((users.data ?? []).map((u) => [u.id, u.username]));

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">
          工作人员用于排班、签到和指派办理人；需要登录电脑的，再到“账号管理”为其建账号并关联。
        </Typography.Text>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          添加工作人员
        </Button>
      </Flex>
      {staff.isError && <Alert type="error" showIcon title={failureText(staff.error)} style={{ marginBottom: 16 }} />}
      <Table<StaffMember>
        rowKey="id"
        loading={staff.isPending}
        dataSource={staff.data ?? []}
        pagination={false}
        locale={{ emptyText: '还没有工作人员' }}
        onRow={(s) => (s.active ? {} : { style: { color: 'rgba(0,0,0,0.45)' } })}
        columns={[
          { title: '姓名', ...nowrap, dataIndex: 'name' },
          {
            title: '电话',
            ...nowrap,
            dataIndex: 'phoneMasked',
            render: (p: string | null) => p ?? <Typography.Text type="secondary">未登记</Typography.Text>,
          },
          {
            title: '岗位',
            dataIndex: 'roles',
            render: (roles: string[]) =>
              roles.length ? (
                <Space size={[4, 4]} wrap>
                  {roles.map((r) => (
                    <Tag key={r} color="blue">
                      {r}
                    </Tag>
                  ))}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: '驿站',
            dataIndex: 'stationIds',
            render: (ids: string[]) => (ids.length ? ids.map((id) => stationName.get(id) ?? '（已删除）').join('、') : '中心'),
          },
          {
            title: '签到 PIN',
            ...nowrap,
            dataIndex: 'hasPin',
            render: (has: boolean) => (has ? <Tag color="green">已设置</Tag> : <Tag color="orange">未设置</Tag>),
          },
          {
            title: '登录账号',
            ...nowrap,
            dataIndex: 'userId',
            render: (id: string | null) => (id ? (username.get(id) ?? '有') : <Typography.Text type="secondary">无</Typography.Text>),
          },
          {
            title: '在岗',
            ...nowrap,
            dataIndex: 'active',
            render: (a: boolean) => (a ? <Tag color="green">在岗</Tag> : <Tag>不在岗</Tag>),
          },
          {
            title: '操作',
            ...nowrap,
            key: 'actions',
            render: (_, s) => (
              <Space size={4} wrap>
                <Button onClick={() => setEditing(s)}>编辑</Button>
                <Button onClick={() => setPinFor(s)}>{s.hasPin ? '重设 PIN' : '设置 PIN'}</Button>
                {s.active && <Button onClick={() => setBadgeFor(s)}>工牌</Button>}
              </Space>
            ),
          },
        ]}
      />
      <StaffFormModal staff={editing} onClose={() => setEditing(null)} />
      <StaffPinModal staff={pinFor} onClose={() => setPinFor(null)} />
      <BadgeModal staff={badgeFor} onClose={() => setBadgeFor(null)} />
    </>
  );
}

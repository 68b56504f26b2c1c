import { useState } from 'react';
import { Alert, Button, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { User } from '../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { formatClock, formatDateTimeShort, isTodayInShanghai } from './format';
import { ROLE_LABELS } from './labels';
import ResetPasswordModal from './ResetPasswordModal';
import UserCreateModal from './UserCreateModal';
import UserEditModal from './UserEditModal';
import { nowrap } from './tableCells';
import { useNotify } from './useNotify';
import { useNow } from '../../components/useNow';

function isLocked(u: User, now: number): boolean {
  return u.lockedUntil !== null && u.lockedUntil > now;
}

function StatusTag({ user, now }: { user: User; now: number }) {
  if (user.disabled) return <Tag>停用</Tag>;
  if (isLocked(user, now)) {
    const until = user.lockedUntil!;
    const when = isTodayInShanghai(until, now) ? formatClock(until) : formatDateTimeShort(until);
    return <Tag color="red">锁定至 {when}</Tag>;
  }
  return <Tag color="green">启用</Tag>;
}

/** 账号管理: who may log in, with which role. */
export default function UsersTab() {
  const notify = useNotify();
  const users = useApiQuery('users.list', {});
  const staff = useApiQuery('staff.list', {});
  const clear = useApiMutation('users.clearLockout');
  const invalidate = useInvalidate();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const now = useNow();
  const staffName = new Map((staff.data ?? []).map((s) => [s.id, s.name]));

  const clearLockout = (u: User) =>
    clear.mutate(
      { id: u.id },
      {
        onSuccess: () => {
          invalidate('users.');
          void notify.success(`已解除“${u.displayName}”的登录锁定`);
        },
        onError: (e) => void notify.error(failureText(e)),
      },
    );

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">
          每位工作人员用自己的账号登录，操作记录才能对得上人。人员离开时请“停用”账号，不要共用。
        </Typography.Text>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建账号
        </Button>
      </Flex>
      {users.isError && <Alert type="error" showIcon title={failureText(users.error)} style={{ marginBottom: 16 }} />}
      <Table<User>
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data ?? []}
        pagination={false}
        locale={{ emptyText: '还没有账号' }}
        columns={[
          { title: '用户名', ...nowrap, dataIndex: 'username' },
          { title: '姓名', ...nowrap, dataIndex: 'displayName' },
          { title: '角色', ...nowrap, dataIndex: 'role', render: (r: User['role']) => ROLE_LABELS[r] },
          { title: '状态', ...nowrap, key: 'status', render: (_, u) => <StatusTag user={u} now={now} /> },
          {
            title: '关联工作人员',
            ...nowrap,
            dataIndex: 'staffId',
            render: (id: string | null) => (id ? (staffName.get(id) ?? '—') : '—'),
          },
          {
            title: '最近登录',
            ...nowrap,
            dataIndex: 'lastLoginAt',
            render: (at: number | null) => (at ? formatDateTimeShort(at) : <Typography.Text type="secondary">从未登录</Typography.Text>),
          },
          {
            title: '操作',
            ...nowrap,
            key: 'actions',
            render: (_, u) => (
              <Space size={4} wrap>
                <Button onClick={() => setEditing(u)}>编辑</Button>
                <Button onClick={() => setResetting(u)}>重置密码</Button>
                {isLocked(u, now) && (
                  <Popconfirm
                    title={`解除“${u.displayName}”的登录锁定？`}
                    description="解除后可立即重新输入密码登录"
                    okText="解除锁定"
                    cancelText="取消"
                    onConfirm={() => clearLockout(u)}
                  >
                    <Button danger>解除锁定</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <UserCreateModal open={creating} onClose={() => setCreating(false)} />
      <UserEditModal user={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}

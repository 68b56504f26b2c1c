import { Descriptions, Form, Input } from 'antd';
import type { Role, User } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { useInvalidate } from '../../components/useInvalidate';
import { showApiError } from '../../components/apiErrors';
import FormModal from './FormModal';
import RoleSelect from './RoleSelect';
import StaffSelect from './StaffSelect';
import StatusRadio from './StatusRadio';
import { useNotify } from './useNotify';

interface Values {
  displayName: string;
  role: Role;
  /** Shown as 启用/停用; the contract's field is `disabled`. */
  enabled: boolean;
  staffId?: string | null;
}

export default function UserEditModal({ user, onClose }: { user: User | null; onClose(): void }) {
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const update = useApiMutation('users.update');
  const invalidate = useInvalidate();

  const onFinish = (v: Values) => {
    if (!user) return;
    update.mutate(
      { id: user.id, displayName: v.displayName, role: v.role, disabled: !v.enabled, staffId: v.staffId ?? null },
      {
        onSuccess: () => {
          invalidate('users.', 'staff.');
          notify.success('账号已保存');
          onClose();
        },
        // The backend refuses to take away the last active admin (user.lastAdmin, at `role`).
        onError: (e) => showApiError(e, (text) => notify.error(text), form, (f) => (f === 'disabled' ? 'enabled' : (['displayName', 'role', 'staffId'].find((n) => n === f.split('.')[0]) ?? null))),
      },
    );
  };

  return (
    <FormModal<Values>
      title="编辑账号"
      open={user !== null}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      saving={update.isPending}
      initialValues={
        user ? { displayName: user.displayName, role: user.role, enabled: !user.disabled, staffId: user.staffId } : {}
      }
    >
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }} items={[{ label: '用户名', children: user?.username }]} />
      <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input autoFocus maxLength={30} />
      </Form.Item>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <RoleSelect />
      </Form.Item>
      <Form.Item
        name="enabled"
        label="账号状态"
        extra="停用后不能再登录，已登录的会被立即退出；记录都会保留，随时可以重新启用"
      >
        <StatusRadio yes="启用" no="停用" />
      </Form.Item>
      <Form.Item name="staffId" label="关联工作人员">
        <StaffSelect />
      </Form.Item>
    </FormModal>
  );
}

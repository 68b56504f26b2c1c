import { Form, Input } from 'antd';
import type { Role } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { useInvalidate } from '../../components/useInvalidate';
import { showApiError } from '../../components/apiErrors';
import FormModal from './FormModal';
import PasswordFields from './PasswordFields';
import RoleSelect from './RoleSelect';
import StaffSelect from './StaffSelect';
import { useNotify } from './useNotify';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  confirm: string;
  staffId?: string | null;
}

export default function UserCreateModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const create = useApiMutation('users.create');
  const invalidate = useInvalidate();

  const onFinish = ({ confirm: _confirm, staffId, ...v }: Values) =>
    create.mutate(
      { ...v, staffId: staffId ?? null },
      {
        onSuccess: (u) => {
          invalidate('users.', 'staff.');
          notify.success(`账号“${u.username}”已建好，请把密码当面告诉本人`);
          onClose();
        },
        onError: (e) =>
          showApiError(e, (text) => notify.error(text), form, ['username', 'displayName', 'role', 'password', 'staffId']),
      },
    );

  return (
    <FormModal<Values>
      title="新建账号"
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      saving={create.isPending}
      okText="建立账号"
      initialValues={{ role: 'desk' }}
    >
      <Form.Item
        name="username"
        label="用户名（登录用）"
        extra="英文字母、数字、下划线、点或横线，如 wangfang"
        rules={[
          { required: true, whitespace: true, message: '请填写用户名' },
          { min: 2, message: '用户名至少 2 个字符' },
          { pattern: /^\s*[A-Za-z0-9_.-]*\s*$/, message: '用户名只能包含英文字母、数字、下划线、点和横线' },
        ]}
      >
        <Input autoFocus autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <RoleSelect />
      </Form.Item>
      <PasswordFields />
      <Form.Item name="staffId" label="关联工作人员" extra="关联后，此账号登录时可直接看到本人的值班和预约">
        <StaffSelect />
      </Form.Item>
    </FormModal>
  );
}

import { Alert, Form } from 'antd';
import type { User } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { useInvalidate } from '../../components/useInvalidate';
import { showApiError } from '../../components/apiErrors';
import FormModal from './FormModal';
import PasswordFields from './PasswordFields';
import { useNotify } from './useNotify';

interface Values {
  password: string;
  confirm: string;
}

export default function ResetPasswordModal({ user, onClose }: { user: User | null; onClose(): void }) {
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const reset = useApiMutation('users.resetPassword');
  const invalidate = useInvalidate();

  const onFinish = (v: Values) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, password: v.password },
      {
        onSuccess: () => {
          // The reset also lifts a lock-out; the backend sends no change for it, so the list is re-read here.
          invalidate('users.');
          notify.success(`已为“${user.displayName}”设置新密码`);
          onClose();
        },
        onError: (e) => showApiError(e, (text) => notify.error(text), form, ['password']),
      },
    );
  };

  return (
    <FormModal<Values>
      title={user ? `重置密码：${user.displayName}（${user.username}）` : '重置密码'}
      open={user !== null}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      saving={reset.isPending}
      okText="设置新密码"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="设置后，此账号已登录的地方会被退出，登录锁定也一并解除。请把新密码当面告诉本人。"
      />
      <PasswordFields label="新密码" autoFocus />
    </FormModal>
  );
}

import { App, Form, Input, Modal } from 'antd';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { t } from '../../i18n';
import { newPasswordRules, confirmPasswordRule } from './passwordRules';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const change = useApiMutation('session.changePassword');

  const submit = (v: Values) =>
    change.mutate(
      { oldPassword: v.oldPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          message.success(t('password.changed'));
          onClose();
        },
        onError: (err) =>
          showApiError(err, (text) => message.error(text), form, ['oldPassword', 'newPassword'], { 'login.wrong': 'password.wrong' }),
      },
    );

  return (
    <Modal
      open={open}
      title={t('password.changeTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit' }}
      onCancel={onClose}
      confirmLoading={change.isPending}
      destroyOnHidden
      modalRender={(dom) => (
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <Form.Item name="oldPassword" label={t('password.old')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input.Password autoFocus autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('password.new')} rules={newPasswordRules()} validateFirst extra={t('password.ruleHint')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirm" label={t('password.confirm')} dependencies={['newPassword']} rules={[{ required: true, message: t('validation.required') }, confirmPasswordRule('newPassword')]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </Modal>
  );
}

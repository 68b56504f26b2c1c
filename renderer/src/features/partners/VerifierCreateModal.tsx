import { Form, Input } from 'antd';
import type { Partner } from '../../../../shared/contract/partners';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import FormModal from '../settings/FormModal';
import PasswordFields from '../settings/PasswordFields';
import { useNotify } from '../settings/useNotify';

interface Values {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** 新建收银账号: the same username and password rules as the centre's own accounts. */
export function VerifierCreateModal({ partner, open, onClose }: { partner: Partner; open: boolean; onClose(): void }) {
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const add = useApiMutation('partners.addVerifier');
  const invalidate = useInvalidate();

  const onFinish = ({ confirm: _confirm, ...v }: Values) =>
    add.mutate(
      { partnerId: partner.id, username: v.username.trim(), displayName: v.displayName.trim(), password: v.password },
      {
        onSuccess: (u) => {
          invalidate('partners.', 'users.');
          notify.success(t('verifiers.created', { username: u.username }), 6);
          onClose();
        },
        onError: (e) => showApiError(e, (text) => notify.error(text), form, ['username', 'displayName', 'password']),
      },
    );

  return (
    <FormModal<Values>
      title={t('verifiers.createTitle', { name: partner.name })}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      saving={add.isPending}
      okText={t('verifiers.createOk')}
    >
      <Form.Item
        name="username"
        label={t('verifiers.usernameLabel')}
        extra={t('verifiers.usernameHint')}
        rules={[
          { required: true, whitespace: true, message: t('verifiers.usernameRequired') },
          { min: 2, message: t('user.username.short') },
          { pattern: /^\s*[A-Za-z0-9_.-]*\s*$/, message: t('user.username.chars') },
        ]}
      >
        <Input autoFocus autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item name="displayName" label={t('verifiers.displayNameLabel')} rules={[{ required: true, whitespace: true, message: t('verifiers.displayNameRequired') }]}>
        <Input maxLength={30} />
      </Form.Item>
      <PasswordFields />
    </FormModal>
  );
}

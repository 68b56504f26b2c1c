import { useState } from 'react';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useApiMutation } from '../../api/hooks';
import { appErrorOf, showApiError } from '../../components/apiErrors';
import { roleLabel } from '../../components/format';
import { t } from '../../i18n';
import { useMe, useSession } from './SessionContext';

/**
 * Covers everything (no personal data stays visible) until the user's password is typed again. It is
 * a topmost modal so that its focus trap wins over any dialog left open underneath: typing goes here.
 */
export function LockOverlay() {
  const me = useMe();
  const { unlocked, logout, refresh } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const unlock = useApiMutation('session.unlock');
  const [leaving, setLeaving] = useState(false);

  const submit = ({ password }: { password: string }) =>
    unlock.mutate(
      { password },
      {
        onSuccess: () => {
          form.resetFields();
          unlocked();
        },
        onError: (err) => {
          form.setFieldValue('password', '');
          showApiError(err, (text) => message.error(text), form, ['password'], { 'login.wrong': 'password.wrong' });
          form.focusField('password');
          const key = appErrorOf(err).key;
          if (key === 'login.lockedOut' || key === 'login.disabled') void refresh();
        },
      },
    );

  return (
    <Modal
      open
      centered
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      footer={null}
      zIndex={3000}
      width={460}
      focusable={{ trap: true }}
      styles={{ mask: { background: '#f4f2ef', backdropFilter: 'none' }, container: { padding: 0, background: 'transparent', boxShadow: 'none' } }}
    >
      <div className="lock-card" role="dialog" aria-label={t('lock.title')}>
        <LockOutlined style={{ fontSize: 48, color: 'var(--ant-color-primary)' }} />
        <Typography.Title level={2} style={{ marginTop: 16 }}>
          {t('lock.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 18, marginBottom: 4 }}>
          {t('lock.who', { name: me.displayName, role: roleLabel(me.role) })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('lock.hint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ textAlign: 'left' }}>
          <Form.Item name="password" label={t('field.password')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.Password size="large" autoFocus autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={unlock.isPending} style={{ marginTop: 16 }}>
            {t('lock.unlock')}
          </Button>
        </Form>
        <Button
          type="link"
          size="large"
          style={{ marginTop: 12 }}
          loading={leaving}
          onClick={() => {
            setLeaving(true);
            void logout().finally(() => setLeaving(false));
          }}
        >
          {t('lock.logout')}
        </Button>
      </div>
    </Modal>
  );
}

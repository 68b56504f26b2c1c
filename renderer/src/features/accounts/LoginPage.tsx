import { Alert, App, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { t } from '../../i18n';
import { useSession } from '../../app/session/SessionContext';
import { forgetRestoredNote, useRestoredNote } from '../backup/afterRestore';
import { AuthScreen } from './AuthScreen';

interface Values {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { status, signedIn, sessionExpired } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const login = useApiMutation('session.login');
  const restored = useRestoredNote();

  const submit = (v: Values) =>
    login.mutate(v, {
      onSuccess: (me) => {
        forgetRestoredNote();
        signedIn(me);
      },
      onError: (err) => {
        form.setFieldValue('password', '');
        showApiError(err, (text) => message.error(text), form, ['username', 'password']);
        form.focusField('password');
      },
    });

  return (
    <AuthScreen title={t('login.title')} subtitle={status.centreName || undefined}>
      {restored && <Alert type="success" showIcon style={{ marginBottom: 20 }} title={restored} data-testid="login-restored" />}
      {sessionExpired && <Alert type="warning" showIcon style={{ marginBottom: 20 }} title={t('session.expired')} />}
      {status.demoLogin && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 20 }}
          title={t('login.demoHint', { username: status.demoLogin.username, password: status.demoLogin.password })}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
        <Form.Item name="username" label={t('field.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('field.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} style={{ height: 52, fontSize: 20, marginTop: 16 }}>
          {t('login.submit')}
        </Button>
      </Form>
    </AuthScreen>
  );
}

import { useState } from 'react';
import { App, Button, Form, Input, Segmented } from 'antd';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { t } from '../../i18n';
import { useSession } from '../../app/session/SessionContext';
import { PartnerSetup } from '../till/PartnerSetup';
import { FirstRunRestore } from '../backup/FirstRunRestore';
import { AuthScreen } from './AuthScreen';
import { confirmPasswordRule, newPasswordRules } from './passwordRules';

interface Values {
  centreName: string;
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

const FIELDS = ['centreName', 'username', 'displayName', 'password'] as const;
const required = { required: true, whitespace: true, message: t('validation.required') };

type Kind = 'centre' | 'partner' | 'restore';

/** First run: the centre's name and the first administrator — or, on a partner's PC, the centre's package; or a new PC from a backup. */
export default function SetupPage() {
  const [kind, setKind] = useState<Kind>('centre');
  const { signedIn } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const setup = useApiMutation('system.setup');

  const submit = (v: Values) =>
    setup.mutate(
      { centreName: v.centreName, username: v.username, displayName: v.displayName, password: v.password },
      {
        onSuccess: (me) => {
          signedIn(me);
          message.success(t('setup.done'));
        },
        onError: (err) => showApiError(err, (text) => message.error(text), form, FIELDS),
      },
    );

  const choice = (
    <Segmented<Kind>
      block
      size="large"
      value={kind}
      onChange={setKind}
      style={{ marginBottom: 20 }}
      // Each option as wide as its words (equal thirds would cut 本机是爱心商户收银台).
      styles={{ item: { flex: 'auto' } }}
      options={[
        { value: 'centre', label: t('partnerSetup.centre') },
        { value: 'partner', label: t('partnerSetup.partner') },
        { value: 'restore', label: t('firstRunRestore.option') },
      ]}
      data-testid="setup-kind"
    />
  );

  if (kind === 'partner') {
    return (
      <AuthScreen title={t('partnerSetup.title')} width={560}>
        {choice}
        <PartnerSetup />
      </AuthScreen>
    );
  }

  if (kind === 'restore') {
    return (
      <AuthScreen title={t('firstRunRestore.title')} width={560}>
        {choice}
        <FirstRunRestore />
      </AuthScreen>
    );
  }

  return (
    <AuthScreen title={t('setup.title')} subtitle={t('setup.subtitle')} width={560}>
      {choice}
      <Form form={form} layout="vertical" onFinish={submit} size="large">
        <Form.Item name="centreName" label={t('field.centreName')} rules={[required]} extra={t('setup.centreNameHint')}>
          <Input autoFocus maxLength={60} />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('setup.adminUsername')}
          rules={[
            required,
            { min: 2, message: t('user.username.short') },
            { pattern: /^[A-Za-z0-9_.-]+$/, message: t('user.username.chars') },
          ]}
          extra={t('setup.usernameHint')}
        >
          <Input autoComplete="username" maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label={t('field.displayName')} rules={[required]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="password" label={t('field.password')} rules={newPasswordRules()} validateFirst extra={t('password.ruleHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['password']}
          rules={[{ required: true, message: t('validation.required') }, confirmPasswordRule('password')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={setup.isPending} style={{ height: 52, fontSize: 20, marginTop: 16 }}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthScreen>
  );
}

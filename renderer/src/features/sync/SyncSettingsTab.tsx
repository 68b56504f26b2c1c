import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Skeleton, Space, Switch, Tag } from 'antd';
import { ApiOutlined, LockOutlined, SaveOutlined } from '@ant-design/icons';
import type { ConnectionTest } from '../../../../shared/contract/sync';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { failureText, showApiError } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import { useNotify } from '../settings/useNotify';
import { CaCertificateField } from './CaCertificateField';
import { ConnectionTestResult } from './ConnectionTestResult';

interface SyncValues {
  enabled: boolean;
  endpoint: string;
  centreCode: string;
  credential: string;
}

const FIELDS = ['endpoint', 'centreCode', 'credential'];

/** 设置 → 县级平台同步 (admin): where the county is, who we are, the credential (never shown again), the CA, 测试连接. */
export default function SyncSettingsTab() {
  const notify = useNotify();
  const [form] = Form.useForm<SyncValues>();
  const settings = useApiQuery('sync.settings.get', {});
  const save = useApiMutation('sync.settings.save');
  const test = useApiMutation('sync.testConnection');
  const invalidate = useInvalidate();
  const [result, setResult] = useState<ConnectionTest | null>(null);

  useEffect(() => {
    if (settings.data) {
      const { enabled, endpoint, centreCode } = settings.data;
      form.setFieldsValue({ enabled, endpoint, centreCode, credential: '' });
    }
  }, [settings.data, form]);

  if (settings.isPending) return <Skeleton active />;
  if (settings.isError) return <Alert type="error" showIcon title={failureText(settings.error)} />;
  const s = settings.data;

  const onTest = async () => {
    const v = await form.validateFields(FIELDS).catch(() => null);
    if (!v) return;
    setResult(null);
    test.mutate(
      { endpoint: v.endpoint, centreCode: v.centreCode, credential: v.credential ?? '' },
      { onSuccess: setResult, onError: (e) => showApiError(e, (m) => notify.error(m), form, FIELDS) },
    );
  };

  const onFinish = (v: SyncValues) =>
    save.mutate(
      { enabled: v.enabled, endpoint: v.endpoint, centreCode: v.centreCode, credential: v.credential ?? '' },
      {
        onSuccess: () => {
          invalidate('sync.');
          form.setFieldValue('credential', '');
          void notify.success(v.enabled ? t('syncSettings.savedOn') : t('syncSettings.saved'));
        },
        onError: (e) => showApiError(e, (m) => notify.error(m), form, FIELDS),
      },
    );

  return (
    <Card title={t('syncSettings.title')} style={{ maxWidth: 760 }} data-testid="sync-settings">
      <Alert type="info" showIcon title={t('syncSettings.optional')} style={{ marginBottom: 20 }} />
      <Form<SyncValues> form={form} layout="vertical" size="large" onFinish={onFinish} onValuesChange={() => setResult(null)}>
        <Form.Item name="enabled" label={t('syncSettings.enabled')} valuePropName="checked" extra={t('syncSettings.enabledHint')}>
          <Switch checkedChildren="开" unCheckedChildren="关" data-testid="sync-enabled" />
        </Form.Item>
        <Form.Item
          name="endpoint"
          label={t('syncSettings.endpoint')}
          extra={t('syncSettings.endpointHint')}
          rules={[{ required: true, whitespace: true, message: t('sync.endpoint.required') }]}
        >
          <Input placeholder="https://…" maxLength={300} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="centreCode"
          label={t('syncSettings.centreCode')}
          extra={t('syncSettings.centreCodeHint')}
          rules={[
            { required: true, whitespace: true, message: t('sync.centreCode.format') },
            { pattern: /^\s*[A-Za-z0-9-]{2,32}\s*$/, message: t('sync.centreCode.format') },
          ]}
        >
          <Input maxLength={32} style={{ maxWidth: 280 }} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="credential"
          label={
            <Space>
              {t('syncSettings.credential')}
              {s.hasCredential && (
                <Tag color="green" data-testid="sync-credential-saved">
                  {t('syncSettings.credentialSaved')}
                </Tag>
              )}
            </Space>
          }
          extra={
            <>
              <div>{s.hasCredential ? t('syncSettings.credentialKeep') : t('syncSettings.credentialNew')}</div>
              <div>
                <LockOutlined /> {t(`syncSettings.storage.${s.credentialStorage}`)}
              </div>
            </>
          }
        >
          <Input.Password maxLength={200} autoComplete="new-password" placeholder={s.hasCredential ? t('syncSettings.credentialSaved') : ''} />
        </Form.Item>
        <Form.Item label={t('syncSettings.ca')} extra={t('syncSettings.caHint')}>
          <CaCertificateField ca={s.ca} />
        </Form.Item>
        {result && (
          <div style={{ marginBottom: 16 }}>
            <ConnectionTestResult result={result} />
          </div>
        )}
        <Form.Item style={{ marginBottom: 0 }} extra={t('syncSettings.testHint')}>
          <Space size="middle">
            <Button icon={<ApiOutlined />} onClick={() => void onTest()} loading={test.isPending} data-testid="sync-test">
              {t('syncSettings.test')}
            </Button>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="sync-save">
              {t('syncSettings.save')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}

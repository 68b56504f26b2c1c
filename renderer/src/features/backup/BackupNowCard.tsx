import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { CloudDownloadOutlined, LockOutlined } from '@ant-design/icons';
import type { Output } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { chineseDateTime } from '../../components/format';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import { useNotify } from '../settings/useNotify';
import { clearErrorsOf, showBackupError } from './backupErrors';
import { PathInput, pathHint } from './PathInput';

interface Values {
  folder: string;
  passphrase: string;
  repeat: string;
}

const FIELDS = ['folder', 'passphrase'];
const MIN_PASSPHRASE = 8;

/** 立即备份到U盘或文件夹: an encrypted copy of everything, with a passphrase asked twice. */
export function BackupNowCard() {
  const notify = useNotify();
  const invalidate = useInvalidate();
  const [form] = Form.useForm<Values>();
  const now = useApiMutation('backup.now');
  const [done, setDone] = useState<Output<'backup.now'> | null>(null);

  const onFinish = (v: Values) => {
    setDone(null);
    now.mutate(
      { folder: v.folder.trim(), passphrase: v.passphrase },
      {
        onSuccess: (r) => {
          setDone(r);
          form.setFieldsValue({ passphrase: '', repeat: '' });
          invalidate('backup.');
        },
        onError: (e) => showBackupError(e, (m) => notify.error(m), form, FIELDS),
      },
    );
  };

  return (
    <Card title={t('backupNow.title')} data-testid="backup-now">
      <Alert type="warning" showIcon icon={<LockOutlined />} title={t('backupNow.privacy')} style={{ marginBottom: 20, fontSize: 15 }} />
      <Form<Values> form={form} name="backupNow" layout="vertical" size="large" onFinish={onFinish} onValuesChange={(changed: object) => {
          setDone(null);
          clearErrorsOf(form, changed);
        }} requiredMark={false}>
        <Form.Item
          name="folder"
          label={t('backupNow.folder')}
          extra={pathHint()}
          rules={[{ required: true, whitespace: true, message: t('backup.path.required') }]}
        >
          <PathInput kind="folder" placeholder={t('backupNow.folderPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="passphrase"
          label={t('backupNow.passphrase')}
          extra={t('backupNow.passphraseHint')}
          validateFirst
          rules={[
            { required: true, message: t('backup.passphrase.required') },
            { min: MIN_PASSPHRASE, message: t('backup.passphrase.short') },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} style={{ maxWidth: 360 }} />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('backupNow.repeat')}
          dependencies={['passphrase']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error(t('backupNow.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} style={{ maxWidth: 360 }} />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }} extra={t('backupNow.slow')}>
          <Button type="primary" htmlType="submit" icon={<CloudDownloadOutlined />} loading={now.isPending} data-testid="backup-now-submit">
            {now.isPending ? t('backupStatus.running') : t('backupNow.submit')}
          </Button>
        </Form.Item>
      </Form>
      {done && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 20, fontSize: 16 }}
          title={t('backupNow.done')}
          description={
            <>
              <div style={{ wordBreak: 'break-all' }}>{t('backupNow.doneFile', { file: done.file })}</div>
              <div>{t('backupNow.doneTime', { time: chineseDateTime(done.summary.createdAt) })}</div>
            </>
          }
          data-testid="backup-now-done"
        />
      )}
    </Card>
  );
}

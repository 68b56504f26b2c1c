import { Form, Input } from 'antd';
import { t } from '../../i18n';
import { PathInput, pathHint } from './PathInput';

/** The backup file and its passphrase (optional: automatic backups have none), for both restore screens. */
export function BackupFileFields() {
  return (
    <>
      <Form.Item
        name="file"
        label={t('backupRestore.file')}
        extra={pathHint()}
        rules={[{ required: true, whitespace: true, message: t('backup.path.required') }]}
      >
        <PathInput kind="backupFile" placeholder={t('backupRestore.filePlaceholder')} />
      </Form.Item>
      <Form.Item name="passphrase" label={t('backupRestore.passphrase')} extra={t('backupRestore.passphraseHint')}>
        <Input.Password autoComplete="off" maxLength={200} style={{ maxWidth: 360 }} />
      </Form.Item>
    </>
  );
}

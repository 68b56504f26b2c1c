import { App, Button, Form, Space, Typography } from 'antd';
import { FileSearchOutlined, RollbackOutlined } from '@ant-design/icons';
import { useApiMutation } from '../../api/hooks';
import { t } from '../../i18n';
import { reloadAfterRestore } from './afterRestore';
import { BackupSummaryTable } from './BackupSummaryTable';
import { useBackupCheck } from './useBackupCheck';
import type { RestoreValues } from './backupText';
import { BackupFileFields } from './BackupFileFields';

/**
 * First run on a new PC: the old PC's backup brings back everything, accounts included, so nobody sets
 * the centre up again. Nothing changes until 恢复; then the login takes the old accounts.
 */
export function FirstRunRestore() {
  const { message } = App.useApp();
  const inspect = useApiMutation('system.inspectBackup');
  const { form, checked, onInspect, onValuesChange, showError } = useBackupCheck(inspect.mutateAsync);
  const restore = useApiMutation('system.restoreBackup');

  const onRestore = () => {
    if (!checked) return;
    restore.mutate(checked.input, {
      onSuccess: () => {
        message.success(t('firstRunRestore.done'));
        reloadAfterRestore(t('firstRunRestore.done'));
      },
      onError: showError,
    });
  };

  return (
    <div data-testid="first-run-restore">
      <Typography.Paragraph style={{ fontSize: 16 }}>{t('firstRunRestore.subtitle')}</Typography.Paragraph>
      <Form<RestoreValues> form={form} name="backupRestore" layout="vertical" size="large" onFinish={onInspect} onValuesChange={onValuesChange} requiredMark={false}>
        <BackupFileFields />
        <Button htmlType="submit" block icon={<FileSearchOutlined />} loading={inspect.isPending} style={{ height: 48, fontSize: 18, marginTop: 8 }} data-testid="backup-inspect">
          {t('backupRestore.inspect')}
        </Button>
      </Form>
      {checked && (
        <Space orientation="vertical" size="middle" style={{ marginTop: 24, width: '100%' }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('firstRunRestore.holds')}
          </Typography.Text>
          <BackupSummaryTable backup={checked.result.summary} />
          <Button
            type="primary"
            block
            icon={<RollbackOutlined />}
            onClick={onRestore}
            loading={restore.isPending}
            style={{ height: 52, fontSize: 20 }}
            data-testid="backup-restore-submit"
          >
            {restore.isPending ? t('backupRestore.running') : t('backupRestore.restore')}
          </Button>
        </Space>
      )}
    </div>
  );
}

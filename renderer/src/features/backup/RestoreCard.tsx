import { App, Button, Card, Form, Space, Typography } from 'antd';
import { FileSearchOutlined, RollbackOutlined } from '@ant-design/icons';
import { useApiMutation } from '../../api/hooks';
import { chineseDateTime } from '../../components/format';
import { useSession } from '../../app/session/SessionContext';
import { t } from '../../i18n';
import { reloadAfterRestore } from './afterRestore';
import { BackupSummaryTable } from './BackupSummaryTable';
import { BackupFileFields } from './BackupFileFields';
import { useBackupCheck } from './useBackupCheck';
import { confirmRestoreText, type RestoreValues } from './backupText';

/**
 * 设置 → 从备份恢复: 检查备份 shows what the file holds beside the data here now; 恢复 asks once more,
 * naming what is replaced, then swaps the data. Every session ends with it, so the page starts again at the login.
 */
export function RestoreCard() {
  const { message, modal } = App.useApp();
  const { status } = useSession();
  const inspect = useApiMutation('backup.inspect');
  const { form, checked, onInspect, onValuesChange, showError } = useBackupCheck(inspect.mutateAsync);
  const restore = useApiMutation('backup.restore');

  const onRestore = () => {
    if (!checked?.result.current) return;
    const { summary, current } = checked.result;
    modal.confirm({
      title: t('backupRestore.confirmTitle'),
      content: <div style={{ fontSize: 16 }} data-testid="backup-restore-confirm">{confirmRestoreText(summary, current)}</div>,
      okText: t('backupRestore.confirmOk'),
      okButtonProps: { danger: true, size: 'large' },
      cancelText: t('common.cancel'),
      cancelButtonProps: { size: 'large' },
      width: 560,
      onOk: () =>
        restore.mutateAsync({ ...checked.input, confirm: true }).then(
          (r) => {
            message.success(t('backupRestore.done'));
            reloadAfterRestore(t('backupRestore.doneLogin', { date: chineseDateTime(r.summary.createdAt) }));
          },
          showError,
        ),
    });
  };

  return (
    <Card title={t('backupRestore.title')} data-testid="backup-restore">
      <Typography.Paragraph style={{ fontSize: 16 }}>{t('backupRestore.explain')}</Typography.Paragraph>
      <Form<RestoreValues> form={form} name="backupRestore" layout="vertical" size="large" onFinish={onInspect} onValuesChange={onValuesChange} requiredMark={false}>
        <BackupFileFields />
        <Form.Item style={{ marginBottom: 0 }}>
          <Button htmlType="submit" icon={<FileSearchOutlined />} loading={inspect.isPending} data-testid="backup-inspect">
            {t('backupRestore.inspect')}
          </Button>
        </Form.Item>
      </Form>
      {checked && (
        <Space orientation="vertical" size="middle" style={{ marginTop: 20, width: '100%' }}>
          <BackupSummaryTable backup={checked.result.summary} current={checked.result.current} currentVersion={status.version} />
          <Button type="primary" danger size="large" icon={<RollbackOutlined />} onClick={onRestore} loading={restore.isPending} data-testid="backup-restore-submit">
            {t('backupRestore.restore')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

import { Space, Statistic } from 'antd';
import type { ImportPreview } from '../../../../../shared/contract';
import { t } from '../../../i18n';

export function ImportCounts({ preview }: { preview: ImportPreview }) {
  return (
    <Space size={48} data-testid="import-counts">
      <Statistic title={t('import.countNew')} value={preview.newRows} suffix={t('import.rowsUnit')} styles={{ content: { color: 'var(--ant-color-success)' } }} />
      <Statistic title={t('import.countExisting')} value={preview.existingRows} suffix={t('import.rowsUnit')} />
      <Statistic title={t('import.countErrors')} value={preview.errorRows} suffix={t('import.rowsUnit')} styles={{ content: { color: preview.errorRows ? 'var(--ant-color-error)' : undefined } }} />
    </Space>
  );
}

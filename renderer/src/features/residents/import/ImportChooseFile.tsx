import { Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { t } from '../../../i18n';

interface Props {
  busy: boolean;
  onFile: (file: File) => void;
}

/** Picks an .xlsx and hands it over; nothing is uploaded or written at this step. */
export function ImportChooseFile({ busy, onFile }: Props) {
  return (
    <div>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          onFile(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p style={{ fontSize: 18 }}>{busy ? t('import.reading') : t('import.chooseFile')}</p>
        <p style={{ color: 'var(--ant-color-text-secondary)' }}>{t('import.chooseHint')}</p>
      </Upload.Dragger>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('import.columnsHint')}
      </Typography.Paragraph>
    </div>
  );
}

import { useState } from 'react';
import { Alert, App, Button, Modal, Result, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { Output } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { readFileAsBase64 } from '../../components/files';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';

type ImportResult = Output<'partners.importPurchases'>;

function Counts({ r }: { r: ImportResult }) {
  const cell = (key: string, n: number, tone?: 'warn') => (
    <div className={`import-count${tone === 'warn' && n > 0 ? ' import-count-warn' : ''}`} data-testid={`import-${key}`}>
      <div className="import-count-n">{n}</div>
      <div className="import-count-label">{t(`importPurchases.${key}`)}</div>
    </div>
  );
  return (
    <div className="import-counts">
      {cell('added', r.added)}
      {cell('alreadyHad', r.alreadyHad)}
      {cell('voidsApplied', r.voidsApplied)}
      {cell('unknownCards', r.unknownCards, 'warn')}
      {cell('deliveries', r.deliveries)}
    </div>
  );
}

/**
 * 导入消费记录: the file a shop's till exported, brought on a USB stick. Importing the same file
 * again adds nothing, so a worker unsure whether it was done can simply do it again.
 */
export function ImportPurchasesDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const importer = useApiMutation('partners.importPurchases');
  const [reading, setReading] = useState(false);
  const result = importer.data;

  const close = () => {
    importer.reset();
    onClose();
  };

  const take = async (file: File) => {
    setReading(true);
    try {
      const fileBase64 = await readFileAsBase64(file);
      importer.mutate(
        { fileBase64 },
        {
          onSuccess: (r) => {
            invalidate('partners.', 'cardReports.', 'cards.');
            message.success(t('importPurchases.done', { name: r.partnerName, n: r.added }));
          },
        },
      );
    } catch (err) {
      message.error(failureText(err));
    } finally {
      setReading(false);
    }
  };

  const busy = reading || importer.isPending;

  return (
    <Modal
      open={open}
      title={t('importPurchases.title')}
      width={640}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
      footer={[
        result && (
          <Button key="again" size="large" onClick={() => importer.reset()}>
            {t('importPurchases.another')}
          </Button>
        ),
        <Button key="close" size="large" type={result ? 'primary' : 'default'} onClick={close}>
          {result ? t('importPurchases.finish') : t('common.cancel')}
        </Button>,
      ]}
    >
      {result ? (
        <Result
          status={result.unknownCards > 0 ? 'warning' : 'success'}
          title={t('importPurchases.resultTitle', { name: result.partnerName })}
          subTitle={result.unknownCards > 0 ? t('importPurchases.unknownExplain', { n: result.unknownCards }) : result.added === 0 ? t('importPurchases.nothingNew') : undefined}
          extra={<Counts r={result} />}
        />
      ) : (
        <>
          {importer.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failureText(importer.error)} data-testid="import-error" />}
          <Upload.Dragger
            accept=".json,application/json"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void take(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p style={{ fontSize: 18 }}>{busy ? t('importPurchases.reading') : t('importPurchases.choose')}</p>
            <p style={{ color: 'var(--ant-color-text-secondary)' }}>{t('importPurchases.hint')}</p>
          </Upload.Dragger>
        </>
      )}
    </Modal>
  );
}

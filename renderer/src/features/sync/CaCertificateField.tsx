import { Button, Descriptions, Popconfirm, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import type { SyncSettings } from '../../../../shared/contract/sync';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import { useNotify } from '../settings/useNotify';

/** The county's own CA (county intranets often have one): import a .pem/.crt, see what it is, remove it. */
export function CaCertificateField({ ca }: { ca: SyncSettings['ca'] }) {
  const notify = useNotify();
  const invalidate = useInvalidate();
  const importCa = useApiMutation('sync.settings.importCa');
  const removeCa = useApiMutation('sync.settings.removeCa');
  const done = (text: string) => {
    invalidate('sync.');
    void notify.success(text);
  };

  const onFile = async (file: File) => {
    const pem = await file.text();
    importCa.mutate({ pem }, { onSuccess: () => done(t('syncSettings.caImported')), onError: (e) => showApiError(e, (m) => notify.error(m)) });
    return false; // read here, never uploaded anywhere
  };

  return (
    <div data-testid="sync-ca">
      {ca ? (
        <Descriptions
          column={1}
          size="small"
          bordered
          style={{ marginBottom: 8 }}
          styles={{ label: { width: 100 } }}
          items={[
            { key: 's', label: t('syncSettings.caSubject'), children: ca.subject },
            { key: 'v', label: t('syncSettings.caValidTo'), children: ca.validTo },
            { key: 'f', label: t('syncSettings.caFingerprint'), children: <Typography.Text code style={{ wordBreak: 'break-all' }}>{ca.fingerprint}</Typography.Text> },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('syncSettings.caNone')}
        </Typography.Paragraph>
      )}
      <Space wrap>
        <Upload accept=".pem,.crt,.cer" showUploadList={false} beforeUpload={(f) => onFile(f)}>
          <Button icon={<UploadOutlined />} loading={importCa.isPending}>
            {t('syncSettings.caImport')}
          </Button>
        </Upload>
        {ca && (
          <Popconfirm
            title={t('syncSettings.caRemoveConfirm')}
            onConfirm={() => removeCa.mutate({}, { onSuccess: () => done(t('syncSettings.caRemoved')), onError: (e) => showApiError(e, (m) => notify.error(m)) })}
          >
            <Button danger icon={<DeleteOutlined />} loading={removeCa.isPending}>
              {t('syncSettings.caRemove')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </div>
  );
}

import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { TillStatus } from '../../../../shared/contract/till';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { chineseDateTime } from '../../components/format';
import { downloadBase64, readFileAsBase64 } from '../../components/files';
import { useInvalidate } from '../../components/useInvalidate';
import { useNow } from '../../components/useNow';
import { t } from '../../i18n';
import { PACKAGE_STALE_DAYS, packageAgeDays } from './packageAge';
import { yuan } from './tillFormat';
import './till.css';

type Outcome = { ok: boolean; text: string } | null;

function Facts({ status, now }: { status: TillStatus; now: number }) {
  const age = packageAgeDays(status, now);
  const old = age !== null && age > PACKAGE_STALE_DAYS;
  return (
    <Descriptions className="package-facts" bordered column={1} size="middle" data-testid="package-facts">
      {status.partnerName && <Descriptions.Item label={t('tillPackage.shop')}>{status.partnerName}</Descriptions.Item>}
      <Descriptions.Item label={t('tillPackage.centre')}>{status.centreName}</Descriptions.Item>
      {status.packageIssuedAt !== null && (
        <Descriptions.Item label={t('tillPackage.issuedAt')}>
          <span className={old ? 'package-age-old' : undefined} data-testid="package-issued">
            {chineseDateTime(status.packageIssuedAt)}
            {age === 0 ? t('tillPackage.ageToday') : t('tillPackage.age', { days: age ?? 0 })}
          </span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('tillPackage.cardsKnown')}>{status.cardsKnown}</Descriptions.Item>
      <Descriptions.Item label={t('tillPackage.refused')}>{status.refusedCards}</Descriptions.Item>
      {status.mode === 'partner' && (
        <Descriptions.Item label={t('tillPackage.unexported')}>
          <span data-testid="package-unexported">{t('tillPackage.unexportedCount', { count: status.unexportedPurchases })}</span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('tillPackage.voidWindow')}>{t('tillPackage.voidWindowMinutes', { minutes: status.voidWindowMinutes })}</Descriptions.Item>
      <Descriptions.Item label={t('tillPackage.maxPurchase')}>{yuan(status.maxPurchaseFen)}</Descriptions.Item>
    </Descriptions>
  );
}

/** 数据包: what this till knows and how old it is; import the centre's new package; export the purchases for the centre. */
export default function PackagePage() {
  const invalidate = useInvalidate();
  const now = useNow(60_000);
  const status = useApiQuery('till.status', {});
  const importPackage = useApiMutation('till.importPackage');
  const exportPurchases = useApiMutation('till.exportPurchases');
  const [imported, setImported] = useState<Outcome>(null);
  const [exported, setExported] = useState<Outcome>(null);
  const s = status.data;
  const age = s ? packageAgeDays(s, now) : null;

  const runImport = async (file: File) => {
    setImported(null);
    let fileBase64: string;
    try {
      fileBase64 = await readFileAsBase64(file);
    } catch {
      setImported({ ok: false, text: t('tillPackage.readFailed') });
      return;
    }
    importPackage.mutate(
      { fileBase64 },
      {
        onSuccess: (r) => {
          invalidate('till.');
          const date = r.packageIssuedAt === null ? '' : chineseDateTime(r.packageIssuedAt);
          setImported({ ok: true, text: t('tillPackage.imported', { date, cards: r.cardsKnown }) });
        },
        onError: (err) => setImported({ ok: false, text: failureText(err) }),
      },
    );
  };

  const runExport = () =>
    exportPurchases.mutate(
      {},
      {
        onSuccess: (r) => {
          downloadBase64(r.fileName, r.base64, 'application/json');
          invalidate('till.');
          setExported({ ok: true, text: t('tillPackage.exported', { count: r.rows, fileName: r.fileName }) });
        },
        onError: (err) => setExported({ ok: false, text: failureText(err) }),
      },
    );

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={2}>{t('tillPackage.title')}</Typography.Title>
      </div>
      {status.error && <Alert type="error" showIcon title={failureText(status.error)} style={{ marginBottom: 12 }} />}
      {age !== null && age > PACKAGE_STALE_DAYS && (
        <Alert type="warning" showIcon title={t('tillPackage.old', { days: age })} style={{ marginBottom: 12 }} data-testid="package-old" />
      )}
      {s && <Facts status={s} now={now} />}
      {s?.mode === 'centre' && <Alert type="info" showIcon title={t('tillPackage.centreMode')} style={{ marginTop: 16 }} />}
      {s?.mode === 'partner' && (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: 16, marginTop: 16 }}>
          <Card title={t('tillPackage.importTitle')}>
            <Typography.Paragraph>{t('tillPackage.importHint')}</Typography.Paragraph>
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              maxCount={1}
              beforeUpload={(file) => {
                void runImport(file);
                return false;
              }}
            >
              <Button size="large" icon={<UploadOutlined />} loading={importPackage.isPending} data-testid="package-import">
                {t('tillPackage.importChoose')}
              </Button>
            </Upload>
            {imported && <Alert style={{ marginTop: 12 }} type={imported.ok ? 'success' : 'error'} showIcon title={imported.text} data-testid="package-import-result" />}
          </Card>
          <Card title={t('tillPackage.exportTitle')}>
            <Typography.Paragraph>{t('tillPackage.exportHint')}</Typography.Paragraph>
            <Button size="large" type="primary" icon={<DownloadOutlined />} loading={exportPurchases.isPending} onClick={runExport} data-testid="package-export">
              {t('tillPackage.export')}
            </Button>
            {exported && <Alert style={{ marginTop: 12 }} type={exported.ok ? 'success' : 'error'} showIcon title={exported.text} data-testid="package-export-result" />}
          </Card>
        </div>
      )}
    </div>
  );
}

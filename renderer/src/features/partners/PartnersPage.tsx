import { useState } from 'react';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, ExportOutlined, ImportOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import type { Partner } from '../../../../shared/contract/partners';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { failureText, showApiError } from '../../components/apiErrors';
import { downloadBase64 } from '../../components/files';
import { chineseDateTime } from '../../components/format';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import { ImportPurchasesDialog } from './ImportPurchasesDialog';
import { PartnerFormDialog } from './PartnerFormDialog';
import { VerifiersDrawer } from './VerifiersDrawer';
import './partners.css';

const never = (key: string) => <Typography.Text type="secondary">{t(key)}</Typography.Text>;

/** 爱心商户: the shops, their cashier accounts, and the two files carried between the centre and each till. */
export default function PartnersPage() {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const partners = useApiQuery('partners.list', {});
  const exporter = useApiMutation('partners.exportPackage');
  const [editing, setEditing] = useState<{ partner: Partner | null } | null>(null);
  const [verifiersOf, setVerifiersOf] = useState<Partner | null>(null);
  const [importing, setImporting] = useState(false);

  const exportPackage = (p: Partner) =>
    exporter.mutate(
      { partnerId: p.id },
      {
        onSuccess: (file) => {
          downloadBase64(file.fileName, file.base64, 'application/json');
          invalidate('partners.');
          message.success(t('partnersPage.exported', { name: p.name, fileName: file.fileName }), 6);
        },
        onError: (err) => showApiError(err, (text) => message.error(text)),
      },
    );

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={2}>{t('partnersPage.title')}</Typography.Title>
        <Space wrap>
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setEditing({ partner: null })}>
            {t('partnersPage.add')}
          </Button>
          <Button size="large" icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            {t('partnersPage.importPurchases')}
          </Button>
        </Space>
      </div>
      <Alert type="info" showIcon className="partners-explain" title={t('partnersPage.exchangeTitle')} description={t('partnersPage.exchangeExplain')} />
      {partners.error && <Alert type="error" showIcon title={failureText(partners.error)} style={{ marginBottom: 16 }} />}
      <div data-testid="partners-table">
        <Table<Partner>
          rowKey="id"
          size="middle"
          loading={partners.isPending}
          dataSource={partners.data ?? []}
          pagination={false}
          locale={{ emptyText: t('partnersPage.empty') }}
          rowClassName={(p) => (p.active ? '' : 'partner-row-inactive')}
          columns={[
            {
              title: t('partnerView.name'),
              key: 'name',
              render: (_: unknown, p) => (
                <div>
                  <strong style={{ fontSize: 17 }}>{p.name}</strong>
                  {!p.active && <Tag style={{ marginInlineStart: 8 }}>{t('partnerView.inactive')}</Tag>}
                  <div className="partners-sub">{p.address}</div>
                </div>
              ),
            },
            {
              title: t('partnerView.contact'),
              key: 'contact',
              width: 150,
              render: (_: unknown, p) => (
                <div>
                  {p.contactName}
                  <div className="masked-value partners-sub">{p.contactPhoneMasked}</div>
                </div>
              ),
            },
            { title: t('partnerView.offer'), dataIndex: 'offer', ellipsis: true, render: (o: string | null) => o ?? '—' },
            { title: t('partnerView.verifiers'), dataIndex: 'verifierCount', width: 90, align: 'right', render: (n: number) => t('partnerView.accounts', { n }) },
            {
              title: t('partnerView.exchange'),
              key: 'exchange',
              width: 250,
              render: (_: unknown, p) => (
                <div className="partners-sub">
                  <div>{p.lastPackageAt ? t('partnerView.lastPackage', { at: chineseDateTime(p.lastPackageAt) }) : never('partnerView.noPackage')}</div>
                  <div>{p.lastImportAt ? t('partnerView.lastImport', { at: chineseDateTime(p.lastImportAt) }) : never('partnerView.noImport')}</div>
                </div>
              ),
            },
            {
              title: t('partnerView.actions'),
              key: 'actions',
              width: 330,
              render: (_: unknown, p) => (
                <Space size={6} wrap>
                  <Button icon={<EditOutlined />} onClick={() => setEditing({ partner: p })}>
                    {t('common.edit')}
                  </Button>
                  <Button icon={<TeamOutlined />} onClick={() => setVerifiersOf(p)}>
                    {t('partnerView.verifiersButton')}
                  </Button>
                  <Button
                    type="primary"
                    icon={<ExportOutlined />}
                    loading={exporter.isPending && exporter.variables?.partnerId === p.id}
                    onClick={() => exportPackage(p)}
                  >
                    {t('partnerView.exportPackage')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </div>
      <PartnerFormDialog state={editing} onClose={() => setEditing(null)} />
      <VerifiersDrawer partner={verifiersOf} onClose={() => setVerifiersOf(null)} />
      <ImportPurchasesDialog open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}

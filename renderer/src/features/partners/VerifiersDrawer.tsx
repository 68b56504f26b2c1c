import { useState } from 'react';
import { Alert, Button, Drawer, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { User } from '../../../../shared/contract';
import type { Partner } from '../../../../shared/contract/partners';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { chineseDateTime } from '../../components/format';
import { t } from '../../i18n';
import { VerifierCreateModal } from './VerifierCreateModal';

/** 收银账号: who may log in at this shop's till. They travel to the till inside the partner package. */
export function VerifiersDrawer({ partner, onClose }: { partner: Partner | null; onClose(): void }) {
  const verifiers = useApiQuery('partners.verifiers', { partnerId: partner?.id ?? '' }, { enabled: !!partner });
  const [creating, setCreating] = useState(false);
  const rows = partner && verifiers.data ? verifiers.data : [];

  return (
    <Drawer
      open={!!partner}
      onClose={onClose}
      size={640}
      closable={{ placement: 'end' }}
      title={partner ? t('verifiers.title', { name: partner.name }) : ''}
      destroyOnHidden
      extra={
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('verifiers.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
        {t('verifiers.explain')}
      </Typography.Paragraph>
      {verifiers.error && <Alert type="error" showIcon title={failureText(verifiers.error)} style={{ marginBottom: 12 }} />}
      <div data-testid="verifiers-table">
        <Table<User>
          rowKey="id"
          size="middle"
          pagination={false}
          loading={verifiers.isFetching && !verifiers.data}
          dataSource={rows}
          locale={{ emptyText: t('verifiers.empty') }}
          columns={[
            { title: t('verifiers.username'), dataIndex: 'username', render: (u: string) => <strong>{u}</strong> },
            { title: t('verifiers.displayName'), dataIndex: 'displayName' },
            { title: t('verifiers.status'), dataIndex: 'disabled', width: 80, render: (d: boolean) => (d ? <Tag>{t('verifiers.disabled')}</Tag> : <Tag color="green">{t('verifiers.enabled')}</Tag>) },
            {
              title: t('verifiers.lastLogin'),
              dataIndex: 'lastLoginAt',
              render: (at: number | null) => (at ? chineseDateTime(at) : <Typography.Text type="secondary">{t('verifiers.never')}</Typography.Text>),
            },
          ]}
        />
      </div>
      {partner && <VerifierCreateModal partner={partner} open={creating} onClose={() => setCreating(false)} />}
    </Drawer>
  );
}

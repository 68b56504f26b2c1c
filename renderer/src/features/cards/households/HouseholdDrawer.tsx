import { Alert, Button, Descriptions, Divider, Drawer, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CreditCardOutlined, EditOutlined } from '@ant-design/icons';
import type { ApplicationSummary, CardSummary } from '../../../../../shared/contract/cards';
import { formatCardNumber } from '../../../../../shared/rules/cardNumber';
import { useApiQuery } from '../../../api/hooks';
import { failureText } from '../../../components/apiErrors';
import { chineseDate, chineseDateTime } from '../../../components/format';
import { openableRow } from '../../../components/openableRow';
import { PageSpinner } from '../../../components/PageSpinner';
import { t } from '../../../i18n';
import { ApplicationStatusTag, CardStatusTag } from '../CardTags';
import { benefitLabel } from '../cardLabels';
import { useCardsNav } from '../cardsNav';

const OPEN_APPLICATION = ['submitted', 'reviewed', 'notice'];

const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

/** One household: who lives in it (ID numbers and phones masked), its applications and its cards. */
export function HouseholdDrawer({ householdId, onClose }: { householdId: string | null; onClose(): void }) {
  const nav = useCardsNav();
  const query = useApiQuery('households.get', { id: householdId ?? '' }, { enabled: !!householdId });
  const h = query.data && query.data.id === householdId ? query.data : undefined;
  const openApplication = h?.applications.find((a) => OPEN_APPLICATION.includes(a.status));
  const blocked = openApplication
    ? t('householdView.applyBlockedOpen', { number: openApplication.number })
    : h?.cardNo
      ? t('householdView.applyBlockedCard', { cardNo: formatCardNumber(h.cardNo) })
      : null;

  return (
    <Drawer
      open={!!householdId}
      onClose={onClose}
      size={760}
      closable={{ placement: 'end' }}
      title={h ? t('householdView.title', { name: h.headName }) : t('householdView.detail')}
      destroyOnHidden
      extra={
        h && (
          <Space>
            <Button size="large" icon={<EditOutlined />} onClick={() => nav.editHousehold(h.id)}>
              {t('common.edit')}
            </Button>
            <Tooltip title={blocked}>
              <Button size="large" type="primary" icon={<CreditCardOutlined />} disabled={!!blocked} onClick={() => nav.newApplication(h.id)}>
                {t('householdView.apply')}
              </Button>
            </Tooltip>
          </Space>
        )
      }
    >
      {query.isLoading && <PageSpinner />}
      {query.error && <Alert type="error" showIcon title={failureText(query.error)} />}
      {h && (
        <div data-testid="household-detail">
          {blocked && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={blocked} />}
          <Descriptions
            column={1}
            bordered
            size="middle"
            styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
            items={[
              {
                key: 'head',
                label: t('householdView.head'),
                children: (
                  <Space wrap size={8}>
                    <strong style={{ fontSize: 18 }}>{h.headName}</strong>
                    {h.headIdNumberMasked && <span className="masked-value">{h.headIdNumberMasked}</span>}
                  </Space>
                ),
              },
              { key: 'address', label: t('householdView.address'), children: h.address },
              { key: 'hardship', label: t('householdView.hardship'), children: h.hardshipTypes.map((x) => <Tag key={x} color="volcano">{x}</Tag>) },
              { key: 'cert', label: t('householdView.allowanceCertNo'), children: h.allowanceCertNo ?? none },
              { key: 'notes', label: t('householdView.notes'), children: h.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{h.notes}</span> : none },
            ]}
          />
          <Divider titlePlacement="start">{t('householdView.members', { n: h.members.length })}</Divider>
          <div data-testid="household-members">
            <Table
              rowKey="residentId"
              size="small"
              pagination={false}
              dataSource={h.members}
              columns={[
                { title: t('householdView.memberName'), dataIndex: 'name', render: (n: string) => <strong>{n}</strong> },
                { title: t('householdView.relation'), dataIndex: 'relation', width: 80 },
                { title: t('householdView.idNumber'), dataIndex: 'idNumberMasked', render: (v: string | null) => (v ? <span className="masked-value">{v}</span> : '—') },
                { title: t('householdView.phone'), dataIndex: 'phoneMasked', width: 130, render: (v: string | null) => (v ? <span className="masked-value">{v}</span> : '—') },
                { title: t('householdView.birthDate'), dataIndex: 'birthDate', width: 150, render: (v: string | null) => (v ? chineseDate(v) : '—') },
              ]}
            />
          </div>
          <Divider titlePlacement="start">{t('householdView.applications')}</Divider>
          <Table<ApplicationSummary>
            className="clickable-rows"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={h.applications}
            locale={{ emptyText: t('householdView.noApplications') }}
            onRow={(a) => openableRow(() => nav.openApplication(a.id))}
            columns={[
              { title: t('applicationView.number'), dataIndex: 'number', width: 130, render: (n: string) => <strong>{n}</strong> },
              { title: t('applicationView.holder'), dataIndex: 'holderName' },
              { title: t('applicationView.submittedAt'), dataIndex: 'submittedAt', render: (ms: number) => chineseDateTime(ms) },
              { title: t('applicationView.status'), dataIndex: 'status', width: 100, render: (s: ApplicationSummary['status']) => <ApplicationStatusTag status={s} /> },
            ]}
          />
          <Divider titlePlacement="start">{t('householdView.cards')}</Divider>
          <Table<CardSummary>
            className="clickable-rows"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={h.cards}
            locale={{ emptyText: t('householdView.noCards') }}
            onRow={(c) => openableRow(() => nav.openCard(c.id))}
            columns={[
              { title: t('cardView.cardNo'), dataIndex: 'cardNo', width: 140, render: (n: string) => <span className="card-number">{formatCardNumber(n)}</span> },
              { title: t('cardView.holder'), dataIndex: 'holderName' },
              { title: t('cardView.benefit'), key: 'benefit', render: (_: unknown, c) => benefitLabel(c.benefit) },
              { title: t('cardView.validTo'), dataIndex: 'validTo', render: (d: string) => chineseDate(d) },
              { title: t('cardView.status'), key: 'status', width: 90, render: (_: unknown, c) => <CardStatusTag status={c.status} reason={c.statusReason} /> },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}

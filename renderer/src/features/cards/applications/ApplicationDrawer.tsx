import { useState } from 'react';
import { Alert, Button, Descriptions, Divider, Drawer, Space, Tooltip, Typography } from 'antd';
import {
  AuditOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  CreditCardOutlined,
  ExclamationCircleOutlined,
  NotificationOutlined,
  PrinterOutlined,
  RollbackOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { ADMIN, OFFICE } from '../../../../../shared/contract';
import type { ApplicationDetail } from '../../../../../shared/contract/cards';
import { shanghaiDate } from '../../../../../shared/rules/time';
import { useApiQuery } from '../../../api/hooks';
import { failureText } from '../../../components/apiErrors';
import { PageSpinner } from '../../../components/PageSpinner';
import { useNow } from '../../../components/useNow';
import { t } from '../../../i18n';
import { useMe } from '../../../app/session/SessionContext';
import { RosterCheckPanel } from '../../sync/RosterCheckPanel';
import { ApplicationStatusTag } from '../CardTags';
import { benefitLabel, capLabel } from '../cardLabels';
import { useCardsNav } from '../cardsNav';
import { ApplicationActionDialog, type ApplicationAction } from './ApplicationActionDialog';
import { ApplicationProgress } from './ApplicationProgress';
import { approvalBlockedText, isOpenApplication, noticeOver } from './applicationText';

/** The next step as the one primary button, the other possible steps beside it. */
function Actions({ a, today, onAction }: { a: ApplicationDetail; today: string; onAction: (x: ApplicationAction) => void }) {
  const me = useMe();
  const nav = useCardsNav();
  const admin = ADMIN.includes(me.role);
  const office = OFFICE.includes(me.role);
  const openObjection = a.objections.find((o) => o.settledAt === null);
  const blocked = approvalBlockedText(a) ?? (admin ? null : t('applicationView.adminApproves'));
  const lg = { size: 'large' as const };

  return (
    <div data-testid="application-actions">
      <Space wrap size="middle">
        {a.status === 'submitted' && office && (
          <Button {...lg} type="primary" icon={<TeamOutlined />} onClick={() => onAction({ kind: 'review' })}>
            {t('applicationAction.review')}
          </Button>
        )}
        {a.status === 'reviewed' && office && (
          <Button {...lg} type="primary" icon={<NotificationOutlined />} onClick={() => onAction({ kind: 'notice' })}>
            {t('applicationAction.notice')}
          </Button>
        )}
        {a.status === 'notice' && openObjection && admin && (
          <Button {...lg} type="primary" icon={<AuditOutlined />} onClick={() => onAction({ kind: 'settle', objection: openObjection })}>
            {t('applicationAction.settle')}
          </Button>
        )}
        {a.status === 'notice' && (
          <Tooltip title={blocked}>
            <Button {...lg} type={openObjection && admin ? 'default' : 'primary'} icon={<CheckCircleOutlined />} disabled={!!blocked} onClick={() => onAction({ kind: 'approve' })}>
              {t('applicationAction.approve')}
            </Button>
          </Tooltip>
        )}
        {a.status === 'notice' && office && !noticeOver(a, today) && (
          <Button {...lg} icon={<ExclamationCircleOutlined />} onClick={() => onAction({ kind: 'objection' })}>
            {t('applicationAction.objection')}
          </Button>
        )}
        {a.status === 'approved' && a.cardId && (
          <>
            <Button {...lg} type="primary" icon={<PrinterOutlined />} onClick={() => nav.printCard(a.cardId!)}>
              {t('applicationAction.printCard')}
            </Button>
            <Button {...lg} icon={<CreditCardOutlined />} onClick={() => nav.openCard(a.cardId!)}>
              {t('applicationAction.openCard')}
            </Button>
          </>
        )}
        {isOpenApplication(a) && admin && (
          <Button {...lg} danger icon={<CloseCircleOutlined />} onClick={() => onAction({ kind: 'reject' })}>
            {t('applicationAction.reject')}
          </Button>
        )}
        {isOpenApplication(a) && office && (
          <Button {...lg} icon={<RollbackOutlined />} onClick={() => onAction({ kind: 'withdraw' })}>
            {t('applicationAction.withdraw')}
          </Button>
        )}
      </Space>
      {a.status === 'notice' && blocked && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={blocked} data-testid="approval-blocked" />
      )}
    </div>
  );
}

/** One application: what is asked for, the whole record as a timeline, and the next step. */
export function ApplicationDrawer({ applicationId, onClose }: { applicationId: string | null; onClose(): void }) {
  const nav = useCardsNav();
  const me = useMe();
  const today = shanghaiDate(useNow(60_000));
  const query = useApiQuery('cardApplications.get', { id: applicationId ?? '' }, { enabled: !!applicationId });
  const [action, setAction] = useState<ApplicationAction | null>(null);
  const a = query.data && query.data.id === applicationId ? query.data : undefined;

  return (
    <Drawer
      open={!!applicationId}
      onClose={onClose}
      size={720}
      closable={{ placement: 'end' }}
      title={a ? t('applicationView.title', { number: a.number }) : t('applicationView.detail')}
      destroyOnHidden
    >
      {query.isLoading && <PageSpinner />}
      {query.error && <Alert type="error" showIcon title={failureText(query.error)} />}
      {a && (
        <div data-testid="application-detail">
          <Space wrap size="middle" style={{ marginBottom: 12 }}>
            <ApplicationStatusTag status={a.status} large />
            <Typography.Text type="secondary">{t(`applicationView.statusHint.${a.status}`)}</Typography.Text>
          </Space>
          <Actions a={a} today={today} onAction={setAction} />
          <Descriptions
            column={1}
            bordered
            size="middle"
            style={{ marginTop: 16 }}
            styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
            items={[
              {
                key: 'household',
                label: t('applicationView.head'),
                children: (
                  <Typography.Link onClick={() => nav.openHousehold(a.householdId)} style={{ fontSize: 17 }}>
                    {a.headName}
                  </Typography.Link>
                ),
              },
              { key: 'holder', label: t('applicationView.holder'), children: <strong>{a.holderName}</strong> },
              { key: 'benefit', label: t('applicationView.benefit'), children: benefitLabel(a.benefit) },
              { key: 'cap', label: t('applicationView.cap'), children: capLabel(a.monthlyCapFen) },
              { key: 'delivery', label: t('applicationView.delivery'), children: a.delivery ? t('applicationView.deliveryYes') : t('applicationView.deliveryNo') },
              { key: 'reason', label: t('applicationView.reason'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.reason}</span> },
            ]}
          />
          {isOpenApplication(a) && (
            <div style={{ marginTop: 16 }}>
              <RosterCheckPanel householdId={a.householdId} />
            </div>
          )}
          <Divider titlePlacement="start">{t('applicationView.progress')}</Divider>
          <ApplicationProgress
            application={a}
            today={today}
            onSettle={ADMIN.includes(me.role) && a.status === 'notice' ? (objection) => setAction({ kind: 'settle', objection }) : undefined}
          />
          <ApplicationActionDialog action={action} application={a} today={today} onClose={() => setAction(null)} />
        </div>
      )}
    </Drawer>
  );
}

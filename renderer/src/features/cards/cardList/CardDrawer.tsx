import { useState } from 'react';
import { Alert, Button, Descriptions, Divider, Drawer, Progress, Space, Tag, Timeline, Typography } from 'antd';
import { CarOutlined, PauseCircleOutlined, PlayCircleOutlined, PrinterOutlined, RedoOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { ADMIN } from '../../../../../shared/contract';
import type { CardDetail } from '../../../../../shared/contract/cards';
import { formatCardNumber } from '../../../../../shared/rules/cardNumber';
import { shanghaiDate } from '../../../../../shared/rules/time';
import { useApiQuery } from '../../../api/hooks';
import { failureText } from '../../../components/apiErrors';
import { chineseDate, chineseDateTime } from '../../../components/format';
import { PageSpinner } from '../../../components/PageSpinner';
import { useNow } from '../../../components/useNow';
import { t } from '../../../i18n';
import { useMe } from '../../../app/session/SessionContext';
import { CardStatusTag } from '../CardTags';
import { benefitLabel, CARD_EVENT_COLORS, capLabel, cardEventLabel, yuan } from '../cardLabels';
import { useCardsNav } from '../cardsNav';
import { CardActionDialog, type CardAction } from './CardActionDialog';

/** This month's use against the cap, as a bar that turns red when little is left. */
function MonthUse({ c }: { c: CardDetail }) {
  if (c.monthlyCapFen === null) return <span data-testid="card-month-used">{t('cardView.usedNoCap', { used: yuan(c.monthUsedFen) })}</span>;
  const left = Math.max(0, c.monthlyCapFen - c.monthUsedFen);
  const percent = c.monthlyCapFen === 0 ? 100 : Math.min(100, Math.round((c.monthUsedFen / c.monthlyCapFen) * 100));
  return (
    <div data-testid="card-month-used">
      <div>{t('cardView.usedOfCap', { used: yuan(c.monthUsedFen), cap: yuan(c.monthlyCapFen), left: yuan(left) })}</div>
      <Progress percent={percent} showInfo={false} status={percent >= 90 ? 'exception' : 'normal'} style={{ maxWidth: 320, margin: 0 }} />
    </div>
  );
}

function Actions({ c, onAction }: { c: CardDetail; onAction: (a: CardAction) => void }) {
  const me = useMe();
  const nav = useCardsNav();
  const admin = ADMIN.includes(me.role);
  const live = c.status === 'active' || c.status === 'suspended' || c.status === 'expired';
  const lg = { size: 'large' as const };
  // A revoked or replaced card has nothing left to do.
  if (!live) return null;
  return (
    <div data-testid="card-actions">
      <Space wrap size="middle">
        {c.status === 'active' && (
          <Button {...lg} type="primary" icon={<PrinterOutlined />} onClick={() => nav.printCard(c.id)}>
            {t('cardAction.print')}
          </Button>
        )}
        {admin && c.status === 'suspended' && (
          <Button {...lg} type="primary" icon={<PlayCircleOutlined />} onClick={() => onAction('resume')}>
            {t('cardAction.resume')}
          </Button>
        )}
        {admin && (c.status === 'active' || c.status === 'expired') && (
          <Button {...lg} type={c.status === 'expired' ? 'primary' : 'default'} icon={<RedoOutlined />} onClick={() => onAction('renew')}>
            {t('cardAction.renew')}
          </Button>
        )}
        {admin && c.status === 'active' && (
          <Button {...lg} icon={<PauseCircleOutlined />} onClick={() => onAction('suspend')}>
            {t('cardAction.suspend')}
          </Button>
        )}
        {admin && (c.status === 'active' || c.status === 'suspended') && (
          <Button {...lg} icon={<SwapOutlined />} onClick={() => onAction('replace')}>
            {t('cardAction.replace')}
          </Button>
        )}
        {admin && (
          <Button {...lg} danger icon={<StopOutlined />} onClick={() => onAction('revoke')}>
            {t('cardAction.revoke')}
          </Button>
        )}
      </Space>
      {!admin && <div className="cards-sub" style={{ marginTop: 8 }}>{t('cardView.adminChanges')}</div>}
    </div>
  );
}

/** One card: its benefit and validity, this month's use, what happened to it, and what can be done now. */
export function CardDrawer({ cardId, onClose }: { cardId: string | null; onClose(): void }) {
  const nav = useCardsNav();
  const today = shanghaiDate(useNow(60_000));
  const query = useApiQuery('cards.get', { id: cardId ?? '' }, { enabled: !!cardId });
  const [action, setAction] = useState<CardAction | null>(null);
  const c = query.data && query.data.id === cardId ? query.data : undefined;

  return (
    <Drawer
      open={!!cardId}
      onClose={onClose}
      size={680}
      closable={{ placement: 'end' }}
      title={c ? t('cardView.title', { number: formatCardNumber(c.cardNo) }) : t('cardView.detail')}
      destroyOnHidden
    >
      {query.isLoading && <PageSpinner />}
      {query.error && <Alert type="error" showIcon title={failureText(query.error)} />}
      {c && (
        <div data-testid="card-detail">
          <Space wrap size="middle" style={{ marginBottom: 12 }}>
            <CardStatusTag status={c.status} large />
            {c.statusReason && <Typography.Text type="secondary">{t('cardView.reasonIs', { reason: c.statusReason })}</Typography.Text>}
          </Space>
          {c.replacedByCardNo && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('cardView.replacedBy', { number: formatCardNumber(c.replacedByCardNo) })} />}
          <Actions c={c} onAction={setAction} />
          <Descriptions
            column={1}
            bordered
            size="middle"
            style={{ marginTop: 16 }}
            styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
            items={[
              { key: 'no', label: t('cardView.cardNo'), children: <span className="card-number card-number-large">{formatCardNumber(c.cardNo)}</span> },
              {
                key: 'holder',
                label: t('cardView.holder'),
                children: (
                  <Space size={12}>
                    <strong style={{ fontSize: 17 }}>{c.holderName}</strong>
                    <Typography.Link onClick={() => nav.openHousehold(c.householdId)}>{t('cardView.openHousehold')}</Typography.Link>
                    {c.applicationId && <Typography.Link onClick={() => nav.openApplication(c.applicationId!)}>{t('cardView.openApplication')}</Typography.Link>}
                  </Space>
                ),
              },
              { key: 'benefit', label: t('cardView.benefit'), children: <Tag color="red" className="cards-tag-large">{benefitLabel(c.benefit)}</Tag> },
              { key: 'cap', label: t('cardView.cap'), children: capLabel(c.monthlyCapFen) },
              { key: 'used', label: t('cardView.monthUsed'), children: <MonthUse c={c} /> },
              { key: 'delivery', label: t('cardView.delivery'), children: c.delivery ? <Tag icon={<CarOutlined />} color="blue">{t('cardView.deliveryYes')}</Tag> : t('cardView.deliveryNo') },
              { key: 'validity', label: t('cardView.validity'), children: t('cardView.validRange', { from: chineseDate(c.validFrom), to: chineseDate(c.validTo) }) },
              { key: 'key', label: t('cardView.keyId'), children: t('cardView.keyIdIs', { id: c.keyId }) },
            ]}
          />
          <Divider titlePlacement="start">{t('cardView.events')}</Divider>
          <Timeline
            data-testid="card-events"
            items={c.events.map((e, i) => ({
              key: i,
              color: CARD_EVENT_COLORS[e.action],
              content: (
                <div>
                  <strong>{cardEventLabel(e.action)}</strong>
                  <span style={{ marginInlineStart: 8 }}>{e.userName}</span>
                  <span className="cards-sub" style={{ marginInlineStart: 8 }}>{chineseDateTime(e.at)}</span>
                  {e.note && <div className="cards-sub" style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
                </div>
              ),
            }))}
          />
          <CardActionDialog action={action} card={c} today={today} onClose={() => setAction(null)} onReplaced={(n) => nav.openCard(n.id)} />
        </div>
      )}
    </Drawer>
  );
}

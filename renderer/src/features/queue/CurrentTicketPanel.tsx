import { useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Tag } from 'antd';
import type { Counter, Ticket } from '../../../../shared/contract';
import { t } from '../../i18n';
import { CLASS_COLOR, classLabel, minutesText } from './ticketLabels';
import { TransferDialog } from './TransferDialog';
import { useNow } from '../../components/useNow';
import { useQueueAction } from './useQueueAction';

export interface RequestTicket {
  id: string;
  number: string;
  serviceId: string;
  residentId: string | null;
}

/** Function keys, shown on the buttons. F5 is left alone: it reloads the page in a browser. */
const KEYS = { next: 'F1', recall: 'F2', noShow: 'F3', finish: 'F4', transfer: 'F6', request: 'F7' } as const;
type Action = keyof typeof KEYS;

interface Props {
  counterNumber: number;
  counterCount: number;
  counter: Counter | null;
  canAct: boolean;
  /** Off while another dialog (the request form) has the keyboard. */
  shortcutsOn: boolean;
  onRequest(ticket: RequestTicket): void;
}

/** The number being served, big, and the buttons that move the counter on, each with its key. */
export function CurrentTicketPanel({ counterNumber, counterCount, counter, canAct, shortcutsOn, onRequest }: Props) {
  const current = counter?.current ?? null;
  const status = counter?.status ?? 'closed';
  const [transferring, setTransferring] = useState<Ticket | null>(null);
  const now = useNow(15_000);

  const next = useQueueAction('queue.callNext', (out) =>
    out.current ? t('queuePage.calledMsg', { number: out.current.number, counter: out.number }) : t('queuePage.nobodyWaiting'),
  );
  const recall = useQueueAction('queue.recall', () => (current ? t('queuePage.recalledMsg', { number: current.number }) : null));
  const noShow = useQueueAction('queue.noShow', () => (current ? t('queuePage.noShowMsg', { number: current.number }) : null));
  const finish = useQueueAction('queue.finish', () => (current ? t('queuePage.finishedMsg', { number: current.number }) : null));
  const pending = next.pending || recall.pending || noShow.pending || finish.pending;

  const enabled: Record<Action, boolean> = {
    next: canAct && status === 'open' && !pending,
    recall: canAct && current !== null && !pending,
    noShow: canAct && current !== null && !pending,
    finish: canAct && current !== null && !pending,
    transfer: canAct && current !== null && !pending,
    request: canAct && current !== null,
  };

  const act = (action: Action) => {
    if (!enabled[action]) return;
    const onTicket = current ? { counter: counterNumber, ticketId: current.id } : null;
    if (action === 'next') next.run({ counter: counterNumber, after: current?.id ?? null });
    else if (!current || !onTicket) return;
    else if (action === 'recall') recall.run(onTicket);
    else if (action === 'noShow') noShow.run(onTicket);
    else if (action === 'finish') finish.run(onTicket);
    else if (action === 'transfer') setTransferring(current);
    else onRequest({ id: current.id, number: current.number, serviceId: current.serviceId, residentId: current.residentId ?? null });
  };

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    const action = (Object.keys(KEYS) as Action[]).find((a) => KEYS[a] === e.key);
    if (!action || e.ctrlKey || e.altKey || e.metaKey) return;
    e.preventDefault();
    if (shortcutsOn && transferring === null) act(action);
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const button = (action: Action, label: string, extra: { type?: 'primary'; danger?: boolean; loading?: boolean } = {}): ReactNode => (
    <Button key={action} size="large" className="queue-action" disabled={!enabled[action]} onClick={() => act(action)} {...extra}>
      <span>{label}</span>
      <kbd className="queue-key">{KEYS[action]}</kbd>
    </Button>
  );

  return (
    <Card
      className="current-ticket"
      title={t('queuePage.current')}
      extra={<span className="current-counter">{t('queuePage.counterLabel', { counter: counterNumber })}</span>}
    >
      {canAct && status === 'closed' && <Alert type="warning" showIcon title={t('queuePage.needOpen')} style={{ marginBottom: 16 }} />}
      {canAct && status === 'paused' && <Alert type="warning" showIcon title={t('queuePage.needResume')} style={{ marginBottom: 16 }} />}
      {current ? (
        <div className="current-body" data-testid="current-ticket">
          <div className="current-number">{current.number}</div>
          <div className="current-facts">
            <div className="current-service">{current.serviceName}</div>
            <div>
              <Tag color={CLASS_COLOR[current.ticketClass]} className="class-tag">
                {classLabel(current.ticketClass, current.priorityReason)}
              </Tag>
              {current.requestId && <Tag color="green">{t('queuePage.hasRequest')}</Tag>}
            </div>
            <div className="current-waited">
              {t('queuePage.waited', { time: minutesText(current.queuedAt, current.calledAt ?? now) })}
              {current.callCount > 1 && <span> · {t('queuePage.callCount', { count: current.callCount })}</span>}
            </div>
          </div>
        </div>
      ) : (
        <div className="current-empty" data-testid="current-ticket">
          <div>{t('queuePage.noCurrent')}</div>
          {enabled.next && <div className="current-empty-hint">{t('queuePage.noCurrentHint', { key: KEYS.next })}</div>}
        </div>
      )}
      {canAct && (
        <div className="queue-actions">
          {button('next', t('queuePage.next'), { type: 'primary', loading: next.pending })}
          {button('recall', t('queuePage.recall'), { loading: recall.pending })}
          {button('noShow', t('queuePage.noShow'), { loading: noShow.pending })}
          {button('finish', t('queuePage.finish'), { loading: finish.pending })}
          {button('transfer', t('queuePage.transfer'))}
          {button('request', t('queuePage.request'))}
        </div>
      )}
      <TransferDialog
        ticket={transferring}
        counterNumber={counterNumber}
        counterCount={counterCount}
        onClose={() => setTransferring(null)}
      />
    </Card>
  );
}

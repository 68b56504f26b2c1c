import { App, Button, Select, Space, Tag } from 'antd';
import type { Counter } from '../../../../shared/contract';
import { t } from '../../i18n';
import { useQueueAction } from './useQueueAction';

const STATUS_COLOR = { open: 'green', paused: 'orange', closed: 'default' } as const;

interface Props {
  counterNumber: number;
  counterCount: number;
  counter: Counter | null;
  canAct: boolean;
  onChoose(n: number): void;
}

/** Which counter this is, whether it is open, and the buttons that open, pause and close it. */
export function CounterBar({ counterNumber, counterCount, counter, canAct, onChoose }: Props) {
  const { modal } = App.useApp();
  const said = (key: string) => () => t(key, { counter: counterNumber });
  const open = useQueueAction('queue.openCounter', said('queuePage.opened'));
  const pause = useQueueAction('queue.pauseCounter', said('queuePage.paused'));
  const close = useQueueAction('queue.closeCounter', said('queuePage.closed'));
  const status = counter?.status ?? 'closed';
  const busy = open.pending || pause.pending || close.pending;
  const input = { counter: counterNumber };

  const confirmClose = () =>
    modal.confirm({
      title: t('queuePage.closeConfirm', { counter: counterNumber }),
      content: t('queuePage.closeHint'),
      okText: t('queuePage.close'),
      cancelText: t('queuePage.cancel'),
      onOk: () => close.run(input),
    });

  return (
    <Space wrap size="middle" className="counter-bar">
      <Space size="small">
        <span>{t('queuePage.myCounter')}</span>
        <Select
          aria-label={t('queuePage.myCounter')}
          size="large"
          value={counterNumber}
          onChange={onChoose}
          style={{ width: 140 }}
          options={Array.from({ length: Math.max(counterCount, counterNumber) }, (_, i) => ({
            value: i + 1,
            label: t('queuePage.counterOption', { counter: i + 1 }),
          }))}
        />
      </Space>
      <Tag color={STATUS_COLOR[status]} className="counter-status">
        {t(`queuePage.status.${status}`)}
      </Tag>
      {counter?.staffName && status !== 'closed' && <span className="counter-staff">{t('queuePage.openedBy', { name: counter.staffName })}</span>}
      {canAct && (
        <Space>
          {status !== 'open' && (
            <Button type="primary" size="large" loading={open.pending} disabled={busy} onClick={() => open.run(input)}>
              {status === 'paused' ? t('queuePage.resume') : t('queuePage.open')}
            </Button>
          )}
          {status === 'open' && (
            <Button size="large" loading={pause.pending} disabled={busy} onClick={() => pause.run(input)}>
              {t('queuePage.pause')}
            </Button>
          )}
          {status !== 'closed' && (
            <Button size="large" danger loading={close.pending} disabled={busy} onClick={confirmClose}>
              {t('queuePage.close')}
            </Button>
          )}
        </Space>
      )}
    </Space>
  );
}

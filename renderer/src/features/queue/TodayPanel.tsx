import { App, Button, Card } from 'antd';
import { useApiQuery } from '../../api/hooks';
import { t } from '../../i18n';
import { useQueueAction } from './useQueueAction';

const FIGURES = ['issued', 'waiting', 'called', 'done', 'noshow'] as const;

/** Today's counts at a glance, and 日终 (the day's close) behind a confirmation. */
export function TodayPanel({ canAct }: { canAct: boolean }) {
  const { modal } = App.useApp();
  const today = useApiQuery('queue.today', {});
  const endDay = useQueueAction('queue.endDay', (out) => {
    const s = out[out.length - 1];
    return s ? t('queuePage.endDayDone', { issued: s.issued, served: s.served, noShows: s.noShows, unserved: s.unserved }) : t('queuePage.endDayNothing');
  });
  const d = today.data;

  const confirm = () =>
    modal.confirm({
      title: t('queuePage.endDayTitle'),
      content: t('queuePage.endDayText', { waiting: d?.waiting ?? 0, called: d?.called ?? 0, noshow: d?.noshow ?? 0 }),
      okText: t('queuePage.endDayOk'),
      cancelText: t('queuePage.cancel'),
      okButtonProps: { danger: true },
      onOk: () => endDay.run({}),
    });

  return (
    <Card
      size="small"
      title={t('queuePage.todayTitle')}
      extra={
        canAct && (
          <Button onClick={confirm} loading={endDay.pending}>
            {t('queuePage.endDay')}
          </Button>
        )
      }
    >
      <div className="today-figures" data-testid="queue-today">
        {FIGURES.map((key) => (
          <div key={key} className="today-figure">
            <div className="today-value">{d ? d[key] : '–'}</div>
            <div className="today-label">{t(`queuePage.today.${key}`)}</div>
          </div>
        ))}
      </div>
    </Card>
  );
}

import type { ReactNode } from 'react';
import type { Figures } from '../../../../shared/contract';
import { t } from '../../i18n';
import { minutes, percent } from './figuresFormat';

interface Kpi {
  key: string;
  label: string;
  value: ReactNode;
  sub?: string;
  alarm?: boolean;
}

function Card({ kpi }: { kpi: Kpi }) {
  return (
    <div className={`kpi-card${kpi.alarm ? ' kpi-card-alarm' : ''}`} data-testid={`kpi-${kpi.key}`}>
      <div className="kpi-label">{kpi.label}</div>
      <div className="kpi-value">{kpi.value}</div>
      {kpi.sub && <div className="kpi-sub">{kpi.sub}</div>}
    </div>
  );
}

/** The period's headline numbers: the queue on one row, the requests on the next. */
export function KpiCards({ figures: f }: { figures: Figures }) {
  const tk = f.tickets;
  const rq = f.requests;
  const queue: Kpi[] = [
    { key: 'issued', label: t('figuresPage.issued'), value: tk.issued },
    { key: 'served', label: t('figuresPage.served'), value: tk.served, sub: t('figuresPage.unservedSub', { n: tk.unserved }) },
    { key: 'noShows', label: t('figuresPage.noShows'), value: tk.noShows },
    { key: 'avgWait', label: t('figuresPage.avgWait'), value: minutes(tk.avgWaitMin), sub: t('figuresPage.avgHandleSub', { m: minutes(tk.avgHandleMin) }) },
    { key: 'p90Wait', label: t('figuresPage.p90Wait'), value: minutes(tk.p90WaitMin), sub: t('figuresPage.p90HandleSub', { m: minutes(tk.p90HandleMin) }) },
  ];
  const requests: Kpi[] = [
    { key: 'received', label: t('figuresPage.received'), value: rq.received, sub: t('figuresPage.resolvedSub', { n: rq.resolved }) },
    { key: 'resolutionRate', label: t('figuresPage.resolutionRate'), value: percent(rq.resolutionRate), sub: t('figuresPage.ofReceived', { n: rq.resolved, d: rq.received }) },
    { key: 'onTimeRate', label: t('figuresPage.onTimeRate'), value: percent(rq.onTimeRate), sub: t('figuresPage.ofResolved', { n: rq.onTime, d: rq.resolved }) },
    {
      key: 'satisfactionRate',
      label: t('figuresPage.satisfactionRate'),
      value: percent(rq.satisfactionRate),
      sub: t('figuresPage.ofFeedback', { n: rq.satisfied + rq.basicallySatisfied, d: rq.withFeedback }),
    },
    { key: 'open', label: t('figuresPage.open'), value: rq.open },
    { key: 'overdue', label: t('figuresPage.overdue'), value: rq.overdue, alarm: rq.overdue > 0 },
  ];
  return (
    <div className="kpi-groups">
      <section>
        <h3 className="kpi-group-title">{t('figuresPage.queueGroup')}</h3>
        <div className="kpi-row kpi-row-5">
          {queue.map((k) => (
            <Card key={k.key} kpi={k} />
          ))}
        </div>
      </section>
      <section>
        <h3 className="kpi-group-title">{t('figuresPage.requestsGroup')}</h3>
        <div className="kpi-row kpi-row-6">
          {requests.map((k) => (
            <Card key={k.key} kpi={k} />
          ))}
        </div>
      </section>
    </div>
  );
}

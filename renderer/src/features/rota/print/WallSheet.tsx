import '../rota.css';
import { chineseDateTime } from '../../../components/format';
import { t } from '../../../i18n';
import { dayHeading, weekRange, type StationPlan, type WeekPlan } from '../rotaWords';

/**
 * The wall sheet (值班表) of one station for a published week, for landscape A4 read from two metres:
 * names big, shifts as rows, days as columns, closed days said in words.
 */
export function WallSheet(props: { plan: WeekPlan; station: StationPlan }) {
  const { plan, station } = props;
  const cells = new Map(station.cells.map((c) => [`${c.day}|${c.shiftId}`, c]));
  // the rows share the page's height below the heading (about 140 mm), up to 45 mm each
  const rowHeight = `${Math.min(45, Math.floor(140 / Math.max(1, station.shifts.length)))}mm`;
  return (
    <div className="wall-sheet">
      <header className="wall-head">
        <h1>{t('rota.sheet.title', { station: station.stationName })}</h1>
        <div className="wall-range">{weekRange(plan.week, plan.days[6]!.date)}</div>
      </header>
      <table className="wall-grid">
        <thead>
          <tr>
            <th className="wall-shift" />
            {plan.days.map((d) => {
              const h = dayHeading(d.date);
              return (
                <th key={d.date}>
                  <div className="wall-weekday">{h.weekday}</div>
                  <div className="wall-date">
                    {h.date}
                    {d.calendar === 'workday' ? ` ${t('rota.day.workday')}` : ''}
                  </div>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {station.shifts.map((sh) => (
            <tr key={sh.id} style={{ height: rowHeight }}>
              <th className="wall-shift">
                <div className="wall-shift-name">{sh.name}</div>
                <div className="wall-shift-time">
                  {sh.start}–{sh.end}
                </div>
              </th>
              {plan.days.map((d, i) => {
                const cell = cells.get(`${d.date}|${sh.id}`);
                const closed = station.closed[i];
                if (!cell || (!cell.open && cell.assignees.length === 0)) {
                  return (
                    <td key={d.date} className="wall-closed">
                      {closed === 'holiday' ? t('rota.closed.holiday') : t('rota.sheet.off')}
                    </td>
                  );
                }
                return (
                  <td key={d.date}>
                    {cell.assignees.map((a) => (
                      <div key={a.assignmentId} className="wall-name">
                        {a.name}
                      </div>
                    ))}
                    {cell.gap > 0 && <div className="wall-gap">{t('rota.sheet.gap', { n: cell.gap })}</div>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <footer className="wall-foot">
        <span>{t('rota.sheet.swapHint')}</span>
        <span>{plan.publishedAt ? t('rota.sheet.published', { at: chineseDateTime(plan.publishedAt), by: plan.publishedBy ?? '' }) : t('rota.status.draft')}</span>
      </footer>
    </div>
  );
}

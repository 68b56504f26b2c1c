import type { Output } from '../../../../shared/contract';
import { t } from '../../i18n';
import { minuteToTime } from '../../../../shared/rules/homeVisit';
import { dayWithWeekday } from './visitWords';

type Plan = Output<'homeVisits.dayPlan'>[number];

/**
 * 上门服务日程 on A4, one page per staff member: to take along, with room to write what was found.
 * Phones stay masked on paper too (a sheet can be lost on the way); the full number is at the desk.
 */
export function DayPlanSheet({ day, plans, printedAt }: { day: string; plans: readonly Plan[]; printedAt: string }) {
  return (
    <div className="home-visit-sheet">
      {plans.map((p) => (
        <section key={p.staffId} className="home-visit-sheet-page">
          <h1>{t('homeVisits.sheet.title')}</h1>
          <h2>
            {dayWithWeekday(day)}
            {'\u3000'}
            {p.staffName}
          </h2>
          <table>
            <thead>
              <tr>
                <th style={{ width: '17mm' }}>{t('homeVisits.sheet.time')}</th>
                <th style={{ width: '30mm' }}>{t('homeVisits.sheet.resident')}</th>
                <th>{t('homeVisits.sheet.address')}</th>
                <th>{t('homeVisits.sheet.purpose')}</th>
                <th style={{ width: '28mm' }}>{t('homeVisits.sheet.request')}</th>
                <th style={{ width: '40mm' }}>{t('homeVisits.sheet.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {p.visits.map((v) => (
                <tr key={v.id}>
                  <td className="home-visit-sheet-nowrap">
                    {minuteToTime(v.startMinute)}
                    <br />–{minuteToTime(v.startMinute + v.durationMinutes)}
                  </td>
                  <td>
                    {v.residentName ?? ''}
                    {v.residentPhoneMasked && <div>{v.residentPhoneMasked}</div>}
                  </td>
                  <td>{v.address}</td>
                  <td>{v.purpose}</td>
                  <td className="home-visit-sheet-nowrap">{v.requestNumber ?? ''}</td>
                  <td>{v.outcome ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="home-visit-sheet-foot">{t('homeVisits.sheet.printedAt', { time: printedAt, count: p.visits.length })}</p>
        </section>
      ))}
    </div>
  );
}

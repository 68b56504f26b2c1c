import { t } from '../../../i18n';
import { chineseDay, phoneForReading, timeOf } from '../appointmentFormat';

export interface CallRow {
  id: string;
  number: string;
  residentName: string;
  phone: string | null;
  serviceName: string;
  stationName: string;
  startMinute: number;
  reminded: boolean;
}

/** The call list on A4 paper: to tick off with a pen while phoning. */
export function CallSheet({ day, rows, printedAt }: { day: string; rows: readonly CallRow[]; printedAt: string }) {
  return (
    <div className="appt-call-sheet">
      <h1>{t('apptCalls.title', { date: chineseDay(day) })}</h1>
      <table>
        <thead>
          <tr>
            <th>{t('apptCalls.reminded')}</th>
            <th>{t('apptCalls.time')}</th>
            <th>{t('apptCalls.name')}</th>
            <th>{t('apptCalls.phone')}</th>
            <th>{t('apptCalls.service')}</th>
            <th>{t('apptCalls.station')}</th>
            <th>{t('apptCalls.number')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="appt-call-tick">{r.reminded ? '✓' : '□'}</td>
              <td>{timeOf(r.startMinute)}</td>
              <td>{r.residentName}</td>
              <td>{r.phone ? phoneForReading(r.phone) : t('apptCalls.noPhone')}</td>
              <td>{r.serviceName}</td>
              <td>{r.stationName}</td>
              <td>{r.number}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="appt-call-foot">{t('apptCalls.printedAt', { time: printedAt })}</p>
    </div>
  );
}

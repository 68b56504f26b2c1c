import { t } from '../../../i18n';
import { chineseWhen, slotRange } from '../appointmentFormat';
import './appointmentSlip.css';

/** What a slip says: handed to the resident, so the full name but never a phone or ID number. */
export interface SlipFacts {
  centreName: string;
  number: string;
  residentName: string;
  serviceName: string;
  stationName: string;
  stationAddress: string;
  day: string;
  startMinute: number;
  endMinute: number;
}

/** The 80 mm appointment slip: where, when, for what, and what to bring along. */
export function AppointmentSlip({ facts }: { facts: SlipFacts }) {
  return (
    <div className="appt-slip">
      <div className="appt-slip-centre">{facts.centreName}</div>
      <div className="appt-slip-title">{t('apptSlip.title')}</div>
      <div className="appt-slip-number">{facts.number}</div>
      <div className="appt-slip-name">{facts.residentName}</div>
      <div className="appt-slip-when">{chineseWhen(facts.day, facts.startMinute)}</div>
      <div className="appt-slip-line">{t('apptSlip.range', { range: slotRange(facts.startMinute, facts.endMinute) })}</div>
      <div className="appt-slip-line">{t('apptSlip.service', { service: facts.serviceName })}</div>
      <div className="appt-slip-line">{t('apptSlip.station', { station: facts.stationName })}</div>
      {facts.stationAddress && <div className="appt-slip-line">{t('apptSlip.address', { address: facts.stationAddress })}</div>}
      <div className="appt-slip-notice">
        <div>{t('apptSlip.early')}</div>
        <div>{t('apptSlip.checkin')}</div>
        <div>{t('apptSlip.change')}</div>
      </div>
    </div>
  );
}

import { memo, useEffect, useRef } from 'react';
import { Button } from 'antd';
import { t } from '../../../i18n';
import { StatusTag } from '../labels';
import type { BookingAction, BookingTarget, DayBooking } from './dayTypes';

interface Props {
  booking: DayBooking;
  stationServiceId: string;
  serviceName: string;
  day: string;
  startMinute: number;
  /** The day is today: only then can a resident be checked in. */
  isToday: boolean;
  /** The slot has begun: from then on 未到 can be marked, and cancelling or moving it is over. */
  started: boolean;
  canAct: boolean;
  busy: boolean;
  marked: boolean;
  onAction(action: BookingAction, target: BookingTarget): void;
}

/** One booking in a slot: who, its number, its state, and what the duty worker can do with it now. */
export const BookingItem = memo(function BookingItem({ booking: b, stationServiceId, serviceName, day, startMinute, isToday, started, canAct, busy, marked, onAction }: Props) {
  const open = b.status === 'booked' || b.status === 'checked_in';
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (marked) ref.current?.scrollIntoView({ block: 'center' });
  }, [marked]);
  const act = (a: BookingAction) => () => onAction(a, { booking: b, stationServiceId, serviceName, day, startMinute });
  return (
    <div ref={ref} className={`appt-booking${open ? '' : ' is-done'}${marked ? ' is-marked' : ''}`} data-testid="appt-booking" data-number={b.number}>
      <div className="appt-booking-head">
        <span className="appt-booking-name">{b.residentName}</span>
        <StatusTag status={b.status} />
        <span className="appt-booking-number">{b.number}</span>
        {b.ticketNumber && <span className="appt-booking-ticket">{t('apptDay.ticket', { number: b.ticketNumber })}</span>}
      </div>
      {b.note && <div className="appt-booking-line">{t('apptDay.note', { note: b.note })}</div>}
      {b.outcome && <div className="appt-booking-line">{t('apptDay.outcomeShown', { outcome: b.outcome })}</div>}
      {canAct && open && (
        <div className="appt-booking-actions">
          {b.status === 'booked' && isToday && (
            <Button type="primary" loading={busy} onClick={act('checkIn')}>
              {t('apptDay.checkIn')}
            </Button>
          )}
          {b.status === 'checked_in' && (
            <Button type="primary" onClick={act('complete')}>
              {t('apptDay.complete')}
            </Button>
          )}
          {b.status === 'booked' && started && <Button onClick={act('noShow')}>{t('apptDay.noShow')}</Button>}
          {b.status === 'booked' && !started && <Button onClick={act('reschedule')}>{t('apptDay.reschedule')}</Button>}
          {b.status === 'booked' && !started && (
            <Button danger onClick={act('cancel')}>
              {t('apptDay.cancel')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
});

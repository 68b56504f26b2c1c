import { memo } from 'react';
import { Card } from 'antd';
import { t } from '../../../i18n';
import { timeOf } from '../appointmentFormat';
import { closedLabel } from '../labels';
import { BookingItem } from './BookingItem';
import type { BookingAction, BookingTarget, DayColumn } from './dayTypes';

interface Props {
  column: DayColumn;
  day: string;
  isToday: boolean;
  /** Minutes since midnight now when the day is today, else -1 (a future day) or 1440 (a past one). */
  nowMinute: number;
  canAct: boolean;
  /** Leave out the slots nobody booked (a long day reads at a glance). */
  onlyBooked: boolean;
  busyId: string | null;
  /** The booking found by its slip number: marked and scrolled to. */
  markedId: string | null;
  onAction(action: BookingAction, target: BookingTarget): void;
}

/**
 * One service's slots down the day. Memoised with the query's structural sharing, a check-in
 * redraws only the column (and the booking) that changed, not the whole station's day.
 */
export const ServiceColumn = memo(function ServiceColumn({ column, day, isToday, nowMinute, canAct, onlyBooked, busyId, markedId, onAction }: Props) {
  return (
    <Card
      size="small"
      className="appt-day-column"
      data-testid="appt-day-column"
      title={column.serviceName}
      extra={column.totals.capacity > 0 && <span className="appt-day-slot-use">{t('apptDay.use', { taken: column.totals.taken, capacity: column.totals.capacity })}</span>}
    >
      {column.slots.length === 0 && column.closedReason && <div className="appt-day-none">{t('apptDay.closed', { reason: closedLabel(column.closedReason) })}</div>}
      {onlyBooked && column.slots.length > 0 && column.totals.taken === 0 && <div className="appt-day-none">{t('apptDay.noBookings')}</div>}
      {column.slots.map((s) => {
        if (onlyBooked && s.bookings.length === 0) return null;
        const full = s.taken >= s.capacity;
        return (
          <div className={`appt-day-slot${s.bookings.length === 0 ? ' is-empty' : ''}`} key={s.startMinute}>
            <div className="appt-day-slot-time">
              {timeOf(s.startMinute)}
              <span className={`appt-day-slot-use${full ? ' is-full' : ''}`}>{t('apptDay.slotUse', { taken: s.taken, capacity: s.capacity })}</span>
            </div>
            <div>
              {s.bookings.length === 0 ? (
                <span className="appt-day-slot-empty">{t('apptDay.empty')}</span>
              ) : (
                s.bookings.map((b) => (
                  <BookingItem
                    key={b.id}
                    booking={b}
                    stationServiceId={column.stationServiceId}
                    serviceName={column.serviceName}
                    day={day}
                    startMinute={s.startMinute}
                    isToday={isToday}
                    started={nowMinute >= s.startMinute}
                    canAct={canAct}
                    busy={busyId === b.id}
                    marked={markedId === b.id}
                    onAction={onAction}
                  />
                ))
              )}
            </div>
          </div>
        );
      })}
    </Card>
  );
});

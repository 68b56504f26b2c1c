import { memo } from 'react';
import { Button, Empty } from 'antd';
import { t } from '../../../i18n';
import { timeOf } from '../appointmentFormat';

export interface SlotCell {
  startMinute: number;
  endMinute: number;
  capacity: number;
  taken: number;
  free: number;
  /** Started already (today): not bookable, shown greyed. */
  past: boolean;
}

interface Props {
  slots: readonly SlotCell[];
  value: number | null;
  onChange(startMinute: number): void;
  /** Why the day has no slot at all (holiday, closed…), or null. */
  closedReason: string | null;
  /** A slot the booking already holds (改约): shown but not offered. */
  currentStart?: number | null;
}

/** The day's slots as big buttons: free ones to click, full ones greyed with 已满. */
export const SlotGrid = memo(function SlotGrid({ slots, value, onChange, closedReason, currentStart = null }: Props) {
  const shown = slots.filter((s) => !s.past);
  const hidden = slots.length - shown.length;
  // a day that cannot be booked (beyond the horizon, switched off) says why instead of showing its slots as full
  if (shown.length === 0 || closedReason)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={closedReason ? t('apptBook.noSlotsWhy', { reason: closedReason }) : t('apptBook.noSlots')} />;
  return (
    <>
      {hidden > 0 && <div className="appt-slots-hidden">{t('apptBook.startedHidden', { count: hidden })}</div>}
      <div className="appt-slots" role="group" aria-label={t('apptBook.chooseSlot')}>
        {shown.map((s) => {
          const full = s.free <= 0;
          const unavailable = full || s.startMinute === currentStart;
          const chosen = value === s.startMinute;
          return (
            <Button
              key={s.startMinute}
              className={`appt-slot${full ? ' is-full' : ''}`}
              type={chosen ? 'primary' : 'default'}
              disabled={unavailable}
              aria-pressed={chosen}
              data-start={timeOf(s.startMinute)}
              onClick={() => onChange(s.startMinute)}
            >
              <span>{timeOf(s.startMinute)}</span>
              <span className="appt-slot-sub">{full ? t('apptBook.slotFull') : t('apptBook.slotFree', { free: s.free })}</span>
            </Button>
          );
        })}
      </div>
    </>
  );
});

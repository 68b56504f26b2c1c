import { useCallback, useMemo, useState } from 'react';
import { Alert, Checkbox, Empty, Progress, Spin } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { shanghaiDate } from '../../../../../shared/rules/time';
import { useApiQuery } from '../../../api/hooks';
import { failureText } from '../../../components/apiErrors';
import { useNow } from '../../../components/useNow';
import { t } from '../../../i18n';
import { minuteOfDay } from '../appointmentFormat';
import { DaySwitcher } from '../DaySwitcher';
import { closedLabel } from '../labels';
import { StationPicker, useStationChoice } from '../StationPicker';
import { useRemembered } from '../useRemembered';
import { BookingDialogs } from './BookingDialogs';
import { FindByNumber } from './FindByNumber';
import { ServiceColumn } from './ServiceColumn';
import type { BookingAction, BookingTarget } from './dayTypes';
import { useBookingActions } from './useBookingActions';
import { useMe } from '../../../app/session/SessionContext';
import { STAFF } from '../../../../../shared/contract/roles';

/** 日视图: one station's day, a column per service, its slots down the column with who is booked. */
export function DayViewTab({ day, onDay }: { day: string; onDay(day: string): void }) {
  const me = useMe();
  const now = useNow(30_000);
  const today = shanghaiDate(now);
  const nowMinute = day === today ? minuteOfDay(now) : day < today ? 1440 : -1;
  const station = useStationChoice();
  const view = useApiQuery(
    'appointments.dayView',
    { stationId: station.stationId ?? '', day },
    { enabled: station.stationId !== null, placeholderData: keepPreviousData, staleTime: 5_000 },
  );
  const [open, setOpen] = useState<{ action: Exclude<BookingAction, 'checkIn'>; target: BookingTarget } | null>(null);
  const actions = useBookingActions();
  const { checkIn } = actions;
  const onAction = useCallback(
    (action: BookingAction, target: BookingTarget) => (action === 'checkIn' ? checkIn(target.booking) : setOpen({ action, target })),
    [checkIn],
  );
  const canAct = STAFF.includes(me.role);
  const [marked, setMarked] = useState<string | null>(null);
  const [onlyBooked, setOnlyBooked] = useRemembered<'yes' | 'no'>('onlyBooked', 'no', (v): v is 'yes' | 'no' => v === 'yes' || v === 'no');

  const columns = useMemo(() => view.data?.services ?? [], [view.data]);
  const totals = view.data?.totals;
  const percent = totals && totals.capacity > 0 ? Math.round((totals.taken / totals.capacity) * 100) : 0;

  return (
    <div className="appt-day">
      <div className="appt-toolbar">
        <StationPicker choice={station} />
        <DaySwitcher day={day} today={today} onChange={onDay} />
        {view.isFetching && <Spin size="small" />}
        <span style={{ marginInlineStart: 'auto' }}>
          <FindByNumber
            onFound={(f) => {
              station.setStationId(f.stationId);
              onDay(f.day);
              setMarked(f.id);
            }}
          />
        </span>
      </div>
      {station.empty && <Alert type="info" showIcon title={t('apptPage.noStations')} />}
      {view.isError && <Alert type="error" showIcon title={failureText(view.error)} />}
      {view.data?.closedReason && <Alert type="warning" showIcon title={t('apptDay.closed', { reason: closedLabel(view.data.closedReason) })} style={{ marginBottom: 16 }} />}
      {totals && (
        <div className="appt-use" data-testid="appt-use">
          <strong>{t('apptDay.use', { taken: totals.taken, capacity: totals.capacity })}</strong>
          <Progress percent={percent} size="small" status={percent >= 100 ? 'exception' : 'normal'} />
          <span>{t('apptDay.counts', { checkedIn: totals.checkedIn, completed: totals.completed, noShow: totals.noShow })}</span>
          <Checkbox checked={onlyBooked === 'yes'} onChange={(e) => setOnlyBooked(e.target.checked ? 'yes' : 'no')} style={{ fontSize: 16, marginInlineStart: 'auto' }}>
            {t('apptDay.onlyBooked')}
          </Checkbox>
        </div>
      )}
      {view.data && columns.length === 0 && <Empty description={t('apptDay.noServices')} />}
      <div className="appt-day-columns">
        {columns.map((c) => (
          <ServiceColumn
            key={c.stationServiceId}
            column={c}
            day={day}
            isToday={day === today}
            nowMinute={nowMinute}
            canAct={canAct}
            onlyBooked={onlyBooked === 'yes'}
            busyId={actions.busyId}
            markedId={marked}
            onAction={onAction}
          />
        ))}
      </div>
      <BookingDialogs open={open} onClose={() => setOpen(null)} actions={actions} />
    </div>
  );
}

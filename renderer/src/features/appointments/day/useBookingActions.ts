import { useCallback, useState } from 'react';
import { App } from 'antd';
import { useApiMutation } from '../../../api/hooks';
import { showApiError } from '../../../components/apiErrors';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';
import { chineseWhen } from '../appointmentFormat';
import type { DayBooking } from './dayTypes';

/** The duty worker's acts on a booking: each refreshes the day (and the queue) and says what happened. */
export function useBookingActions() {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const checkInCall = useApiMutation('appointments.checkIn');
  const completeCall = useApiMutation('appointments.complete');
  const noShowCall = useApiMutation('appointments.noShow');
  const cancelCall = useApiMutation('appointments.cancel');
  const rescheduleCall = useApiMutation('appointments.reschedule');
  const [busyId, setBusyId] = useState<string | null>(null);
  const refresh = useCallback(() => invalidate('appointments.', 'queue.'), [invalidate]);
  const { mutate: checkInMutate } = checkInCall;

  const checkIn = useCallback(
    (b: DayBooking) => {
      setBusyId(b.id);
      checkInMutate(
        { id: b.id },
        {
          onSuccess: (out) => {
            refresh();
            void message.success(t('apptDay.checkedIn', { name: b.residentName, number: out.ticketNumber }), 6);
          },
          onError: (e) => showApiError(e, (text) => void message.error(text)),
          onSettled: () => setBusyId(null),
        },
      );
    },
    [checkInMutate, refresh, message],
  );

  /** For the dialogs: resolve on success (the dialog closes), throw the error for the dialog to show. */
  const complete = async (b: DayBooking, outcome: string) => {
    await completeCall.mutateAsync({ id: b.id, outcome });
    refresh();
    void message.success(t('apptDay.completed', { number: b.number }));
  };
  const noShow = async (b: DayBooking) => {
    await noShowCall.mutateAsync({ id: b.id });
    refresh();
    void message.success(t('apptDay.markedNoShow', { number: b.number }));
  };
  const cancel = async (b: DayBooking, reason: string) => {
    await cancelCall.mutateAsync({ id: b.id, reason });
    refresh();
    void message.success(t('apptDay.cancelled', { number: b.number }));
  };
  const reschedule = async (b: DayBooking, to: { day: string; startMinute: number; reason: string }) => {
    const out = await rescheduleCall.mutateAsync({ id: b.id, ...to });
    refresh();
    void message.success(t('apptDay.rescheduled', { when: chineseWhen(out.day, out.startMinute), number: out.number }), 6);
  };

  return { checkIn, complete, noShow, cancel, reschedule, busyId };
}

import { useCallback, useState } from 'react';
import type { Input, Output } from '../../../../../shared/contract';
import { useApiMutation } from '../../../api/hooks';
import { appErrorOf } from '../../../components/apiErrors';
import { useInvalidate } from '../../../components/useInvalidate';
import { errorText, t } from '../../../i18n';
import { useSession } from '../../../app/session/SessionContext';
import { printAppointmentSlip } from '../print/printAppointmentSlip';
import type { SlipFacts } from '../slip/AppointmentSlip';

export type Booked = Output<'appointments.book'>;
/** Where on the booking screen an error belongs. */
export type BookingStep = 'day' | 'slot' | 'resident' | 'other';

/** The backend names the field it refuses; the screen shows the message at that step. */
function stepOf(field: string | undefined): BookingStep {
  if (field === 'day') return 'day';
  if (field === 'startMinute' || field === 'stationServiceId') return 'slot';
  if (field === 'residentId') return 'resident';
  return 'other';
}

export function slipFactsOf(b: Booked, centreName: string): SlipFacts {
  return {
    centreName,
    number: b.number,
    residentName: b.residentName,
    serviceName: b.serviceName,
    stationName: b.stationName,
    stationAddress: b.stationAddress,
    day: b.day,
    startMinute: b.startMinute,
    endMinute: b.endMinute,
  };
}

/** Books, keeps the refusal at the step it concerns, and prints the slip of what was booked. */
export function useBooking() {
  const mutation = useApiMutation('appointments.book');
  const invalidate = useInvalidate();
  const { status } = useSession();
  const [errors, setErrors] = useState<Partial<Record<BookingStep, string>>>({});
  const [booked, setBooked] = useState<Booked | null>(null);

  const book = (input: Input<'appointments.book'>, after: (b: Booked) => void) => {
    setErrors({});
    mutation.mutate(input, {
      onSuccess: (b) => {
        invalidate('appointments.', 'stationServices.');
        setBooked(b);
        after(b);
      },
      onError: (err) => {
        const e = appErrorOf(err);
        if (e.code === 'UNAUTHENTICATED' || e.code === 'LOCKED') return;
        // a slot taken meanwhile by another desk: show the day as it is now
        invalidate('appointments.slots', 'appointments.days');
        setErrors({ [stepOf(e.field)]: errorText(e) || t('error.internal') });
      },
    });
  };

  const print = (b: Booked, slipPrinter: string) => printAppointmentSlip(slipFactsOf(b, status.centreName), slipPrinter);

  return {
    book,
    pending: mutation.isPending,
    errors,
    clearErrors: useCallback(() => setErrors({}), []),
    booked,
    closeBooked: useCallback(() => setBooked(null), []),
    print,
  };
}

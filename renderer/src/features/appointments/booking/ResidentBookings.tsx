import { Alert } from 'antd';
import { useApiQuery } from '../../../api/hooks';
import { t } from '../../../i18n';
import { chineseWhen } from '../appointmentFormat';
import { statusLabel } from '../labels';

/** 已有预约: the resident's coming bookings, so nobody is booked twice by two desks or two calls. */
export function ResidentBookings({ residentId, today }: { residentId: string; today: string }) {
  const q = useApiQuery('appointments.forResident', { residentId });
  const coming = (q.data?.upcoming ?? []).filter((a) => a.day >= today && (a.status === 'booked' || a.status === 'checked_in'));
  if (coming.length === 0) return null;
  return (
    <Alert
      className="appt-has-booking"
      data-testid="appt-resident-bookings"
      type="warning"
      showIcon
      title={t('apptBook.hasBooking')}
      description={coming.map((a) => (
        <div key={a.id}>
          {t('apptBook.hasBookingLine', { when: chineseWhen(a.day, a.startMinute), service: a.serviceName, station: a.stationName, status: statusLabel(a.status) })}
        </div>
      ))}
    />
  );
}

import { Tag } from 'antd';
import { t } from '../../i18n';

export const STATUS_COLOURS: Record<string, string> = {
  booked: 'blue',
  checked_in: 'gold',
  completed: 'green',
  no_show: 'red',
  cancelled: 'default',
  rescheduled: 'purple',
};

export function statusLabel(status: string): string {
  return t(`apptStatus.${status}`);
}

export function StatusTag({ status }: { status: string }) {
  return (
    <Tag color={STATUS_COLOURS[status] ?? 'default'} style={{ fontSize: 14, marginInlineEnd: 0 }}>
      {statusLabel(status)}
    </Tag>
  );
}

/** Why a day or a station cannot take bookings, in words (节假日, 休息日, 闭站…). */
export function closedLabel(reason: string | null | undefined): string {
  return reason ? t(`apptClosed.${reason}`) : '';
}

import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

interface Props {
  value?: Dayjs | null;
  onChange?: (d: Dayjs | null) => void;
  id?: string;
  today: string;
}

/** The due date, prefilled from the service's time limit; any later working day can be chosen. */
export function DueDatePicker({ value, onChange, id, today }: Props) {
  return (
    <DatePicker
      id={id}
      size="large"
      value={value ?? null}
      onChange={(d) => onChange?.(d)}
      allowClear={false}
      style={{ width: '100%' }}
      format={['YYYY年M月D日 dddd', 'YYYY-MM-DD', 'YYYYMMDD']}
      disabledDate={(d) => d.isBefore(dayjs(today), 'day')}
      // Enter takes the typed date; it must not also send the whole form.
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
    />
  );
}

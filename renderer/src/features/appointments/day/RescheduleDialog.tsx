import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { addDays } from '../../../../../shared/rules/workdays';
import { shanghaiDate } from '../../../../../shared/rules/time';
import { useApiQuery } from '../../../api/hooks';
import { appErrorOf } from '../../../components/apiErrors';
import { useNow } from '../../../components/useNow';
import { errorText, t } from '../../../i18n';
import { chineseWhen } from '../appointmentFormat';
import { DayCalendar } from '../booking/DayCalendar';
import { SlotGrid } from '../booking/SlotGrid';
import { useDayMarks } from '../booking/useDayMarks';
import { useSlots } from '../booking/useSlots';
import type { BookingTarget } from './dayTypes';

interface Props {
  target: BookingTarget;
  onSubmit(to: { day: string; startMinute: number; reason: string }): Promise<unknown>;
  onClose(): void;
}

/** 改约: the same service at the same station, another free slot, and why. */
export function RescheduleDialog({ target, onSubmit, onClose }: Props) {
  const { booking } = target;
  const today = shanghaiDate(useNow(60_000));
  const rules = useApiQuery('appointments.rules.get', {});
  const lastDay = addDays(today, rules.data?.horizonDays ?? 30);
  const [day, setDay] = useState<string | null>(target.day >= today ? target.day : null);
  const [month, setMonth] = useState((day ?? today).slice(0, 7));
  const [start, setStart] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const marks = useDayMarks(target.stationServiceId, month, today, lastDay);
  const slots = useSlots(target.stationServiceId, day);

  const submit = async () => {
    if (!day || start === null) return setError(t('apptDay.rescheduleSlotRequired'));
    if (!reason.trim()) return setError(t('apptDay.reasonRequired'));
    setSaving(true);
    try {
      await onSubmit({ day, startMinute: start, reason: reason.trim() });
      onClose();
    } catch (err) {
      setError(errorText(appErrorOf(err)) || t('error.internal'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={900}
      title={t('apptDay.rescheduleTitle', { name: booking.residentName, number: booking.number })}
      okText={t('apptDay.rescheduleSubmit')}
      cancelText={t('apptDay.back')}
      okButtonProps={{ size: 'large', disabled: !day || start === null }}
      cancelButtonProps={{ size: 'large' }}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <p>{t('apptDay.rescheduleFrom', { when: `${chineseWhen(target.day, target.startMinute)} · ${target.serviceName}` })}</p>
      <div style={{ display: 'grid', gridTemplateColumns: '320px 1fr', gap: 16 }}>
        <DayCalendar
          value={day}
          onChange={(d) => {
            setDay(d);
            setStart(null);
            setError(null);
          }}
          marks={marks.marks}
          holidayNames={marks.holidayNames}
          today={today}
          lastDay={lastDay}
          month={month}
          onMonth={setMonth}
        />
        <div>
          {day && (
            <div className="appt-reschedule-slots">
              <SlotGrid
                slots={slots.cells}
                value={start}
                onChange={setStart}
                closedReason={slots.closedReason}
                currentStart={day === target.day ? target.startMinute : null}
              />
            </div>
          )}
          <Form layout="vertical" style={{ marginTop: 16 }}>
            <Form.Item label={t('apptDay.rescheduleReason')} htmlFor="appt-reschedule-reason" required>
              <Input id="appt-reschedule-reason" size="large" maxLength={200} value={reason} placeholder={t('apptDay.rescheduleReasonPlaceholder')} onChange={(e) => setReason(e.target.value)} />
            </Form.Item>
          </Form>
          {error && <Alert type="error" showIcon title={error} />}
        </div>
      </div>
    </Modal>
  );
}

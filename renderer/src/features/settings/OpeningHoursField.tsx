import { Button, Checkbox, Flex, Form, TimePicker, Typography, theme } from 'antd';
import type { Dayjs } from 'dayjs';
import type { KeyboardEvent } from 'react';
import { WEEKDAY_LABELS, WEEKDAYS, type Weekday } from './labels';

/** Enter confirms the typed time (the picker handles it) but must not also save the whole dialog. */
const keepEnterInPicker = (e: KeyboardEvent<HTMLElement>) => {
  if (e.key === 'Enter') e.preventDefault();
};
import type { DaysForm } from './stationHours';

/** The opening hours, one row per weekday: open or closed, and from when to when. */
export default function OpeningHoursField() {
  const form = Form.useFormInstance<{ days: DaysForm }>();

  const copyMonday = () => {
    const mon = form.getFieldValue(['days', '1']) as DaysForm['1'] | undefined;
    if (!mon) return;
    const days = form.getFieldValue('days') as DaysForm;
    const next = Object.fromEntries(
      WEEKDAYS.map((d) => [d, d === '1' || !days[d]?.open ? days[d] : { ...days[d], from: mon.from, to: mon.to }]),
    ) as DaysForm;
    form.setFieldValue('days', next);
    void form.validateFields(WEEKDAYS.flatMap((d) => [['days', d, 'from'], ['days', d, 'to']]));
  };

  return (
    <div role="group" aria-label="开放时间">
      <Flex justify="space-between" align="baseline" style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          <span style={{ color: '#ff4d4f', marginInlineEnd: 4 }}>*</span>开放时间
        </Typography.Text>
        <Button size="small" onClick={copyMonday}>
          其他开放日按周一的时间
        </Button>
      </Flex>
      {WEEKDAYS.map((d) => (
        <DayRow key={d} day={d} />
      ))}
    </div>
  );
}

function DayRow({ day }: { day: Weekday }) {
  const open = Form.useWatch(['days', day, 'open']) as boolean | undefined;
  const label = WEEKDAY_LABELS[day];
  const { token } = theme.useToken();
  return (
    <Flex gap={12} align="flex-start" style={{ minHeight: 40 }}>
      <Form.Item name={['days', day, 'open']} valuePropName="checked" style={{ width: 110, marginBottom: 8 }}>
        <Checkbox>
          <span style={{ display: 'inline-block', width: 36 }}>{label}</span>
          {open ? '开放' : '休息'}
        </Checkbox>
      </Form.Item>
      <Form.Item
        name={['days', day, 'from']}
        style={{ marginBottom: 8 }}
        hidden={!open}
        rules={[{ required: !!open, message: `请选择${label}开门时间` }]}
      >
        <HourPicker label={label} which="开门" />
      </Form.Item>
      {open && <span style={{ lineHeight: `${token.controlHeight}px` }}>至</span>}
      <Form.Item
        name={['days', day, 'to']}
        style={{ marginBottom: 8 }}
        hidden={!open}
        dependencies={[['days', day, 'from'], ['days', day, 'open']]}
        rules={[
          { required: !!open, message: `请选择${label}关门时间` },
          ({ getFieldValue }) => ({
            validator: (_, to?: Dayjs | null) => {
              const from = getFieldValue(['days', day, 'from']) as Dayjs | null | undefined;
              if (!open || !from || !to) return Promise.resolve();
              return to.format('HH:mm') > from.format('HH:mm')
                ? Promise.resolve()
                : Promise.reject(new Error(`${label}关门时间要晚于开门时间`));
            },
          }),
        ]}
      >
        <HourPicker label={label} which="关门" />
      </Form.Item>
    </Flex>
  );
}

/** An opening or closing time: five-minute steps, Enter keeps the time instead of saving the dialog. */
function HourPicker({ label, which, ...field }: { label: string; which: '开门' | '关门' }) {
  return (
    <TimePicker
      {...field}
      format="HH:mm"
      minuteStep={5}
      needConfirm={false}
      allowClear={false}
      onKeyDown={keepEnterInPicker}
      placeholder={which}
      aria-label={`${label}${which}时间`}
      style={{ width: 110 }}
    />
  );
}

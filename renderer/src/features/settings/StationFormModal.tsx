import { DatePicker, Divider, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { station } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { useInvalidate } from '../../components/useInvalidate';
import { showApiError } from '../../components/apiErrors';
import FormModal from './FormModal';
import { DATE_FORMATS } from './format';
import { WEEKDAYS } from './labels';
import OpeningHoursField from './OpeningHoursField';
import StatusRadio from './StatusRadio';
import { daysFromHours, defaultDays, hoursFromDays, type DaysForm } from './stationHours';
import { useNotify } from './useNotify';

export type Station = z.infer<typeof station>;

interface Values {
  name: string;
  address: string;
  days: DaysForm;
  closedDates: Dayjs[];
  active: boolean;
}

/** Where in this form a backend error about `field` belongs. */
function fieldFor(field: string, days: DaysForm | undefined): (string | number)[] | null {
  const [top, second] = field.split('.');
  if (top === 'name' || top === 'address' || top === 'active') return [top];
  if (top === 'closedDates') return ['closedDates'];
  if (top === 'hours') {
    if (second && (WEEKDAYS as readonly string[]).includes(second)) return ['days', second, 'to'];
    // The rule is about the whole week: point at the first day that breaks it, else the first open day.
    const open = WEEKDAYS.filter((d) => days?.[d]?.open);
    const bad = open.find((d) => {
      const { from, to } = days![d];
      return from && to && to.format('HH:mm') <= from.format('HH:mm');
    });
    const at = bad ?? open[0] ?? '1';
    return ['days', at, 'to'];
  }
  return null;
}

export default function StationFormModal({ station: target, onClose }: { station: Station | 'new' | null; onClose(): void }) {
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation('stations.save');
  const invalidate = useInvalidate();
  const editing = target !== null && target !== 'new' ? target : null;

  const onFinish = (v: Values) =>
    save.mutate(
      {
        ...(editing ? { id: editing.id } : {}),
        name: v.name,
        address: v.address,
        hours: hoursFromDays(v.days),
        closedDates: (v.closedDates ?? []).map((d) => d.format('YYYY-MM-DD')),
        active: v.active,
      },
      {
        onSuccess: (s) => {
          invalidate('stations.');
          notify.success(editing ? `驿站“${s.name}”已保存` : `已添加驿站“${s.name}”`);
          onClose();
        },
        onError: (e) => showApiError(e, (text) => notify.error(text), form, (f) => fieldFor(f, form.getFieldValue('days') as DaysForm)),
      },
    );

  return (
    <FormModal<Values>
      title={editing ? `编辑驿站：${editing.name}` : '添加驿站'}
      open={target !== null}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      saving={save.isPending}
      width={640}
      initialValues={
        editing
          ? {
              name: editing.name,
              address: editing.address,
              days: daysFromHours(editing.hours),
              closedDates: editing.closedDates.map((d) => dayjs(d)),
              active: editing.active,
            }
          : { days: defaultDays(), closedDates: [], active: true }
      }
    >
      <Form.Item name="name" label="驿站名称" rules={[{ required: true, whitespace: true, message: '请填写驿站名称' }]}>
        <Input autoFocus maxLength={40} placeholder="如：幸福里党群服务驿站" />
      </Form.Item>
      <Form.Item name="address" label="地址" rules={[{ required: true, whitespace: true, message: '请填写地址' }]}>
        <Input maxLength={100} placeholder="如：幸福路 12 号 1 楼" />
      </Form.Item>
      <Divider style={{ margin: '8px 0 12px' }} />
      <OpeningHoursField />
      <Divider style={{ margin: '4px 0 12px' }} />
      <Form.Item
        name="closedDates"
        label="临时闭馆日期"
        extra="除每周休息日外另行闭馆的日子（如装修、停电）。法定节假日按“节假日”页自动处理，不用在这里填。"
      >
        <DatePicker
          multiple
          format={DATE_FORMATS}
          placeholder="点击选择日期，可选多天"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="active" label="状态" extra="停用后不能再预约此驿站，已有记录保留">
        <StatusRadio yes="启用" no="停用" />
      </Form.Item>
    </FormModal>
  );
}

import { useEffect } from 'react';
import { App, Checkbox, Form, Input, InputNumber, Modal, Switch } from 'antd';
import type { Output } from '../../../../../shared/contract';
import { useApiMutation } from '../../../api/hooks';
import { showApiError } from '../../../components/apiErrors';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';
import { weekdayName } from '../rotaWords';

type Shift = Output<'rota.shifts.list'>['shifts'][number];
interface Values {
  name: string;
  start: string;
  end: string;
  minStaff: number;
  weekdays: number[];
  active: boolean;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** New or changed shift of a station: times as 08:00, a minimum staffing, the weekdays it runs. */
export function ShiftDialog(props: { stationId: string; shift: Shift | 'new' | null; onClose(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation('rota.shifts.save');
  const invalidate = useInvalidate();
  const editing = props.shift && props.shift !== 'new' ? props.shift : null;
  useEffect(() => {
    if (!props.shift) return;
    form.setFieldsValue(
      editing
        ? { name: editing.name, start: editing.start, end: editing.end, minStaff: editing.minStaff, weekdays: editing.weekdays, active: editing.active }
        : { name: '', start: '', end: '', minStaff: 1, weekdays: [1, 2, 3, 4, 5, 6, 7], active: true },
    );
  }, [props.shift, editing, form]);
  return (
    <Modal
      open={props.shift !== null}
      title={editing ? t('rota.shift.edit') : t('rota.shift.new')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ size: 'large', loading: save.isPending }}
      cancelButtonProps={{ size: 'large' }}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={(v) =>
          save.mutate(
            { ...v, id: editing?.id, stationId: props.stationId },
            {
              onSuccess: () => {
                invalidate('rota.');
                props.onClose();
              },
              onError: (e) => showApiError(e, (m) => void message.error(m), form, ['name', 'start', 'end', 'minStaff', 'weekdays']),
            },
          )
        }
      >
        <Form.Item name="name" label={t('rota.shift.name')} rules={[{ required: true, whitespace: true, message: t('rota.shift.nameRequired') }]}>
          <Input maxLength={20} placeholder={t('rota.shift.namePlaceholder')} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="start" label={t('rota.shift.start')} rules={[{ required: true, pattern: HHMM, message: t('rota.time.invalid') }]}>
            <Input placeholder="08:00" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="end" label={t('rota.shift.end')} rules={[{ required: true, pattern: HHMM, message: t('rota.time.invalid') }]}>
            <Input placeholder="12:00" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="minStaff" label={t('rota.shift.minStaff')} rules={[{ required: true }]}>
            <InputNumber min={0} max={50} style={{ width: 120 }} />
          </Form.Item>
        </div>
        <Form.Item name="weekdays" label={t('rota.shift.weekdays')} extra={t('rota.shift.weekdaysHint')}>
          <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: weekdayName(d) }))} />
        </Form.Item>
        <Form.Item name="active" label={t('rota.shift.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

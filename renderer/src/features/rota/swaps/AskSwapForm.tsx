import { App, Button, Card, Form, Input, Select } from 'antd';
import type { Output } from '../../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { showApiError } from '../../../components/apiErrors';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';
import { dayHeading } from '../rotaWords';

type Brief = Output<'rota.upcoming'>['assignments'][number];
interface Values {
  fromStaffId?: string;
  assignmentId?: string;
  toStaffId?: string;
  returnAssignmentId?: string;
  reason?: string;
  pin?: string;
}

export const briefLabel = (a: Brief): string => {
  const h = dayHeading(a.day);
  return `${h.weekday} ${h.date} ${a.stationName} ${a.shiftName} ${a.start}–${a.end}`;
};

/** 申请换班: the asker picks themself, their shift, the colleague (and optionally the colleague's shift in return), and types their own PIN. */
export function AskSwapForm() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const fromStaffId = Form.useWatch('fromStaffId', form);
  const toStaffId = Form.useWatch('toStaffId', form);
  const staff = useApiQuery('staff.list', {});
  const mine = useApiQuery('rota.upcoming', { staffId: fromStaffId ?? '' }, { enabled: !!fromStaffId });
  const theirs = useApiQuery('rota.upcoming', { staffId: toStaffId ?? '' }, { enabled: !!toStaffId });
  const ask = useApiMutation('rota.swaps.ask');
  const invalidate = useInvalidate();
  const people = (staff.data ?? []).filter((s) => s.active);
  const submit = (v: Values) =>
    ask.mutate(
      { assignmentId: v.assignmentId!, toStaffId: v.toStaffId!, returnAssignmentId: v.returnAssignmentId ?? null, reason: v.reason ?? '', pin: v.pin ?? '' },
      {
        onSuccess: () => {
          void message.success(t('rota.ask.done'));
          form.resetFields();
          invalidate('rota.');
        },
        onError: (e) => {
          form.setFieldValue('pin', '');
          showApiError(e, (m) => void message.error(m), form, ['assignmentId', 'toStaffId', 'returnAssignmentId', 'reason', 'pin']);
        },
      },
    );
  return (
    <Card title={t('rota.ask.title')} className="rota-card" data-testid="rota-ask">
      <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false}>
        <Form.Item name="fromStaffId" label={t('rota.ask.from')} rules={[{ required: true, message: t('rota.ask.fromRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={people.map((s) => ({ value: s.id, label: s.name }))}
            onChange={() => form.setFieldsValue({ assignmentId: undefined })}
            data-testid="rota-ask-from"
          />
        </Form.Item>
        <Form.Item name="assignmentId" label={t('rota.ask.shift')} rules={[{ required: true, message: t('rota.ask.shiftRequired') }]} extra={fromStaffId && mine.data?.assignments.length === 0 ? t('rota.ask.noShifts') : undefined}>
          <Select disabled={!fromStaffId} options={(mine.data?.assignments ?? []).map((a) => ({ value: a.id, label: briefLabel(a) }))} data-testid="rota-ask-shift" />
        </Form.Item>
        <Form.Item name="toStaffId" label={t('rota.ask.to')} rules={[{ required: true, message: t('rota.ask.toRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={people.filter((s) => s.id !== fromStaffId).map((s) => ({ value: s.id, label: s.name }))}
            onChange={() => form.setFieldsValue({ returnAssignmentId: undefined })}
            data-testid="rota-ask-to"
          />
        </Form.Item>
        <Form.Item name="returnAssignmentId" label={t('rota.ask.return')} extra={t('rota.ask.returnHint')}>
          <Select allowClear disabled={!toStaffId} options={(theirs.data?.assignments ?? []).map((a) => ({ value: a.id, label: briefLabel(a) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('rota.ask.reason')} rules={[{ required: true, whitespace: true, message: t('rota.ask.reasonRequired') }]}>
          <Input maxLength={200} data-testid="rota-ask-reason" />
        </Form.Item>
        <Form.Item name="pin" label={t('rota.ask.pin')} rules={[{ required: true, message: t('rota.pin.required') }]}>
          <Input.Password maxLength={8} inputMode="numeric" autoComplete="off" style={{ width: 200 }} data-testid="rota-ask-pin" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={ask.isPending} data-testid="rota-ask-submit">
          {t('rota.ask.submit')}
        </Button>
      </Form>
    </Card>
  );
}

import { useEffect } from 'react';
import { App, Form, InputNumber, Modal } from 'antd';
import type { DutyRules } from '../../../../shared/contract/duty';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { t } from '../../i18n';

const FIELDS: { name: keyof DutyRules; max: number }[] = [
  { name: 'lateGraceMinutes', max: 120 },
  { name: 'earlyGraceMinutes', max: 120 },
  { name: 'windowMinutes', max: 240 },
  { name: 'missedOutMinutes', max: 720 },
];

/** 签到规则: the grace minutes, the check-in window and when an open session counts as 缺卡. */
export function DutyRulesModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DutyRules>();
  const rules = useApiQuery('duty.rules.get', {}, { enabled: open });
  const save = useApiMutation('duty.rules.save');
  useEffect(() => {
    if (open && rules.data) form.setFieldsValue(rules.data);
  }, [open, rules.data, form]);

  const submit = (values: DutyRules) =>
    save.mutate(values, {
      onSuccess: () => {
        void message.success(t('dutyRules.saved'));
        onClose();
      },
      onError: (e) => showApiError(e, (text) => void message.error(text), form, FIELDS.map((f) => f.name)),
    });

  return (
    <Modal open={open} title={t('dutyRules.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('dutyRules.save')} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} size="large">
        {FIELDS.map((f) => (
          <Form.Item key={f.name} name={f.name} label={t(`dutyRules.${f.name}`)} extra={t(`dutyRules.${f.name}.hint`)} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={0} max={f.max} precision={0} suffix={t('dutyRules.minutes')} style={{ width: 200 }} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

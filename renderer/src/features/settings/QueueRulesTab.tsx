import { useEffect } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Skeleton } from 'antd';
import type { QueueRules } from '../../../../shared/contract/queue';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { failureText, showApiError } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import { useNotify } from './useNotify';

const FIELDS = ['counterCount', 'priorityRun', 'agingMinutes', 'elderlyAge', 'slipPrinter'];

/** 叫号规则: how many counters, how priority and ordinary tickets take turns, and the slip printer. */
export default function QueueRulesTab() {
  const notify = useNotify();
  const [form] = Form.useForm<QueueRules>();
  const rules = useApiQuery('queue.rules', {});
  const save = useApiMutation('queue.saveRules');
  const invalidate = useInvalidate();

  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);

  if (rules.isPending) return <Skeleton active />;
  if (rules.isError) return <Alert type="error" showIcon title={failureText(rules.error)} />;

  const onFinish = (v: QueueRules) =>
    save.mutate(
      { ...v, slipPrinter: (v.slipPrinter ?? '').trim() },
      {
        onSuccess: () => {
          invalidate('queue.', 'kiosk.', 'display.');
          void notify.success(t('queueRulesTab.saved'));
        },
        onError: (e) => showApiError(e, (text) => notify.error(text), form, FIELDS),
      },
    );

  const number = (name: keyof QueueRules, min: number, max: number, unit: string) => (
    <Form.Item name={name} label={t(`queueRulesTab.${name}`)} extra={t(`queueRulesTab.${name}Help`)} rules={[{ required: true, message: t('queueRulesTab.required') }]}>
      <InputNumber min={min} max={max} precision={0} suffix={t(unit)} style={{ width: 180 }} />
    </Form.Item>
  );

  return (
    <Card title={t('queueRulesTab.title')} style={{ maxWidth: 720 }}>
      <Form<QueueRules> form={form} layout="vertical" initialValues={rules.data} onFinish={onFinish} requiredMark size="large">
        {number('counterCount', 1, 20, 'queueRulesTab.unitCounters')}
        {number('priorityRun', 1, 10, 'queueRulesTab.unitTickets')}
        {number('agingMinutes', 5, 240, 'queueRulesTab.unitMinutes')}
        {number('elderlyAge', 60, 90, 'queueRulesTab.unitAge')}
        <Form.Item name="slipPrinter" label={t('queueRulesTab.slipPrinter')} extra={t('queueRulesTab.slipPrinterHelp')}>
          <Input placeholder={t('queueRulesTab.slipPrinterPlaceholder')} maxLength={200} allowClear style={{ maxWidth: 360 }} />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('queueRulesTab.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

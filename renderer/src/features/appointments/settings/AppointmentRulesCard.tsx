import { useEffect } from 'react';
import { Alert, Button, Card, Form, InputNumber, Skeleton } from 'antd';
import type { Input } from '../../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { failureText, showApiError } from '../../../components/apiErrors';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';
import { useNotify } from '../../settings/useNotify';

type Rules = Input<'appointments.rules.save'>;
const FIELDS = ['horizonDays', 'cutoffMinutes', 'graceMinutes'];

/** 预约规则: how far ahead one can book, until when one can cancel, when an absent resident counts as 未到. */
export function AppointmentRulesCard() {
  const notify = useNotify();
  const [form] = Form.useForm<Rules>();
  const rules = useApiQuery('appointments.rules.get', {});
  const save = useApiMutation('appointments.rules.save');
  const invalidate = useInvalidate();

  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);

  if (rules.isPending) return <Skeleton active />;
  if (rules.isError) return <Alert type="error" showIcon title={failureText(rules.error)} />;

  const number = (name: keyof Rules, min: number, max: number, unit: string) => (
    <Form.Item name={name} label={t(`apptSettings.${name}`)} rules={[{ required: true, message: t('apptSettings.numberRequired') }]}>
      <InputNumber min={min} max={max} precision={0} suffix={unit} style={{ width: 180 }} />
    </Form.Item>
  );

  return (
    <Card title={t('apptSettings.rules')} style={{ maxWidth: 720, marginTop: 24 }}>
      <Form<Rules>
        form={form}
        layout="vertical"
        size="large"
        initialValues={rules.data}
        onFinish={(v) =>
          save.mutate(v, {
            onSuccess: () => {
              invalidate('appointments.');
              void notify.success(t('apptSettings.rulesSaved'));
            },
            onError: (e) => showApiError(e, (text) => void notify.error(text), form, FIELDS),
          })
        }
      >
        {number('horizonDays', 1, 365, t('apptSettings.daysUnit'))}
        {number('cutoffMinutes', 0, 10080, t('apptSettings.minutesUnit'))}
        {number('graceMinutes', 0, 240, t('apptSettings.minutesUnit'))}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('apptSettings.saveRules')}
        </Button>
      </Form>
    </Card>
  );
}

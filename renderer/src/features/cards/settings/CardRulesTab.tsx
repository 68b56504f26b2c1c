import { useEffect } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Skeleton } from 'antd';
import { formatFen, parseYuan } from '../../../../../shared/rules/money';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { failureText, showApiError } from '../../../components/apiErrors';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';
import { useNotify } from '../../settings/useNotify';
import { SigningKeys } from './SigningKeys';
import '../cards.css';

interface Values {
  reviewAheadDays: number;
  voidWindowMinutes: number;
  maxPurchase: string;
}

const FIELDS = (f: string) => (f === 'maxPurchaseFen' ? 'maxPurchase' : ['reviewAheadDays', 'voidWindowMinutes'].includes(f) ? f : null);

/** 爱心卡规则: how early the yearly review is listed, how long a purchase can be voided, the largest single purchase; and the signing keys. */
export default function CardRulesTab() {
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const rules = useApiQuery('cards.settings', {});
  const save = useApiMutation('cards.saveSettings');
  const invalidate = useInvalidate();

  useEffect(() => {
    if (rules.data) form.setFieldsValue({ ...rules.data, maxPurchase: formatFen(rules.data.maxPurchaseFen) });
  }, [rules.data, form]);

  if (rules.isPending) return <Skeleton active />;
  if (rules.isError) return <Alert type="error" showIcon title={failureText(rules.error)} />;

  const onFinish = (v: Values) =>
    save.mutate(
      { reviewAheadDays: v.reviewAheadDays, voidWindowMinutes: v.voidWindowMinutes, maxPurchaseFen: parseYuan(v.maxPurchase) ?? 0 },
      {
        onSuccess: () => {
          invalidate('cards.');
          void notify.success(t('cardRules.saved'));
        },
        onError: (e) => showApiError(e, (text) => notify.error(text), form, FIELDS),
      },
    );

  return (
    <div className="card-rules">
      <Card title={t('cardRules.title')} style={{ maxWidth: 720 }}>
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark size="large">
          <Form.Item name="reviewAheadDays" label={t('cardRules.reviewAheadDays')} extra={t('cardRules.reviewAheadDaysHelp')} rules={[{ required: true, message: t('cardRules.required') }]}>
            <InputNumber min={1} max={180} precision={0} suffix={t('cardRules.unitDays')} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="voidWindowMinutes" label={t('cardRules.voidWindowMinutes')} extra={t('cardRules.voidWindowMinutesHelp')} rules={[{ required: true, message: t('cardRules.required') }]}>
            <InputNumber min={1} max={1440} precision={0} suffix={t('cardRules.unitMinutes')} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="maxPurchase"
            label={t('cardRules.maxPurchase')}
            extra={t('cardRules.maxPurchaseHelp')}
            rules={[
              { required: true, message: t('cardRules.required') },
              {
                validator: async (_, v: string | undefined) => {
                  const fen = v ? parseYuan(v) : null;
                  if (v && (fen === null || fen < 100 || fen > 10_000_000)) throw new Error(t('cardRules.maxPurchaseInvalid'));
                },
              },
            ]}
          >
            <Input prefix="¥" suffix={t('cardRules.unitYuan')} maxLength={12} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('cardRules.save')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <SigningKeys />
    </div>
  );
}

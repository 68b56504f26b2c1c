import { useEffect } from 'react';
import { App, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch } from 'antd';
import { BENEFIT_KINDS } from '../../../../../shared/contract/cards';
import { parseYuan } from '../../../../../shared/rules/money';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { showApiError } from '../../../components/apiErrors';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';
import { benefitLabel } from '../cardLabels';
import { HouseholdSelect } from './HouseholdSelect';

interface Values {
  householdId?: string;
  holderResidentId?: string;
  benefitKind: (typeof BENEFIT_KINDS)[number];
  percent?: number;
  cap?: string;
  delivery: boolean;
  reason?: string;
}

const FIELDS = (field: string) =>
  field === 'benefit.value' ? 'percent' : field.startsWith('benefit') ? 'benefitKind' : field === 'monthlyCapFen' ? 'cap' : ['householdId', 'holderResidentId', 'delivery', 'reason'].includes(field) ? field : null;

/** A yuan amount or nothing; anything else is named at the field. */
const capRule = {
  validator: async (_: unknown, v: string | undefined) => {
    if (!v?.trim()) return;
    const fen = parseYuan(v);
    if (fen === null) throw new Error(t('applicationForm.capInvalid'));
    if (fen === 0) throw new Error(t('applicationForm.capZero'));
    if (fen > 10_000_000) throw new Error(t('applicationForm.capTooLarge'));
  },
};

interface Props {
  /** null: closed; householdId null: the household is chosen in the form. */
  state: { householdId: string | null } | null;
  onClose(): void;
  onCreated(applicationId: string): void;
}

/** 申请爱心卡: for whom in the household, which benefit, a monthly cap, home delivery, and why. */
export function ApplicationFormDialog({ state, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const create = useApiMutation('cardApplications.create');
  const chosen = Form.useWatch('householdId', form);
  const householdId = state?.householdId ?? chosen;
  const household = useApiQuery('households.get', { id: householdId ?? '' }, { enabled: !!state && !!householdId });
  const kind = Form.useWatch('benefitKind', form);
  const percent = Form.useWatch('percent', form);

  // The head holds the card unless another member is chosen.
  useEffect(() => {
    if (household.data && !form.isFieldTouched('holderResidentId')) form.setFieldValue('holderResidentId', household.data.headResidentId);
  }, [household.data, form]);

  const submit = (v: Values) =>
    create.mutate(
      {
        householdId: householdId ?? '',
        holderResidentId: v.holderResidentId,
        benefit: v.benefitKind === 'cost' ? { kind: 'cost', value: 0 } : { kind: 'percent', value: v.percent ?? 0 },
        monthlyCapFen: v.cap?.trim() ? parseYuan(v.cap) : null,
        delivery: v.delivery,
        reason: (v.reason ?? '').trim(),
      },
      {
        onSuccess: (a) => {
          invalidate('households.', 'cardApplications.');
          message.success(t('applicationForm.created', { number: a.number }));
          onCreated(a.id);
        },
        onError: (err) => showApiError(err, (text) => message.error(text), form, FIELDS),
      },
    );

  const members = household.data?.members ?? [];

  return (
    <Modal
      open={!!state}
      title={household.data ? t('applicationForm.titleFor', { name: household.data.headName }) : t('applicationForm.title')}
      width={760}
      okText={t('applicationForm.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          clearOnDestroy
          scrollToFirstError
          requiredMark
          initialValues={{ benefitKind: 'percent', percent: 10, delivery: false }}
        >
          {dom}
        </Form>
      )}
    >
      {!state?.householdId && (
        <Form.Item name="householdId" label={t('applicationForm.household')} rules={[{ required: true, message: t('applicationForm.householdRequired') }]}>
          <HouseholdSelect autoFocus />
        </Form.Item>
      )}
      <Form.Item name="holderResidentId" label={t('applicationForm.holder')} extra={t('applicationForm.holderHint')}>
        <Select<string>
          size="large"
          loading={household.isFetching}
          disabled={!householdId}
          options={members.map((m) => ({ value: m.residentId, label: `${m.name}（${m.relation}）` }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="benefitKind" label={t('applicationForm.benefit')} rules={[{ required: true }]}>
            <Radio.Group
              size="large"
              optionType="button"
              buttonStyle="solid"
              options={BENEFIT_KINDS.map((k) => ({ value: k, label: t(`applicationForm.benefit.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          {kind !== 'cost' && (
            <Form.Item
              name="percent"
              label={t('applicationForm.percent')}
              extra={percent && percent >= 1 && percent <= 99 ? t('applicationForm.percentIs', { label: benefitLabel({ kind: 'percent', value: percent }) }) : undefined}
              rules={[{ required: true, message: t('applicationForm.percentRequired') }]}
            >
              <InputNumber size="large" min={1} max={99} precision={0} suffix="%" style={{ width: 160 }} />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="cap" label={t('applicationForm.cap')} extra={t('applicationForm.capHint')} rules={[capRule]}>
            <Input size="large" prefix="¥" suffix={t('applicationForm.yuan')} maxLength={12} placeholder={t('applicationForm.capPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="delivery" label={t('applicationForm.delivery')} valuePropName="checked" extra={t('applicationForm.deliveryHint')}>
            <Switch checkedChildren={t('applicationForm.deliveryYes')} unCheckedChildren={t('applicationForm.deliveryNo')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="reason" label={t('applicationForm.reason')} rules={[{ required: true, whitespace: true, message: t('applicationForm.reasonRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount placeholder={t('applicationForm.reasonPlaceholder')} />
      </Form.Item>
    </Modal>
  );
}

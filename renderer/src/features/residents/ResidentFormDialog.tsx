import { App, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, type FormRule } from 'antd';
import dayjs from 'dayjs';
import { RESIDENT_TAGS, type Resident } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { appErrorOf, showApiError } from '../../components/apiErrors';
import { chineseDate, genderLabel } from '../../components/format';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import { GridNodeSelect } from '../grid/GridNodeSelect';
import { duplicateResidentQuestion } from './duplicateResidentQuestion';
import { idNumberInfo, idNumberProblemKey } from './idNumberInfo';
import { initialValues, RESIDENT_FORM_FIELDS, toCreateInput, toUpdateInput, type ResidentFormValues } from './residentFormValues';
import { StoredValueHint } from './StoredValueHint';

export type ResidentFormState = { mode: 'create' } | { mode: 'edit'; resident: Resident };

/** Complains about an ID number while typing only once all 18 characters are in, and fully when the field is left. */
const idNumberRules: FormRule[] = [
  {
    validateTrigger: 'onBlur',
    validator: (_r, v: string | undefined) => {
      const key = idNumberProblemKey(v);
      return key ? Promise.reject(new Error(t(key))) : Promise.resolve();
    },
  },
  {
    validateTrigger: 'onChange',
    validator: (_r, v: string | undefined) => {
      const key = v && v.replace(/\s+/g, '').length >= 18 ? idNumberProblemKey(v) : null;
      return key ? Promise.reject(new Error(t(key))) : Promise.resolve();
    },
  },
];

interface Props {
  state: ResidentFormState | null;
  onClose: () => void;
  onSaved: (r: Resident) => void;
}

export function ResidentFormDialog({ state, onClose, onSaved }: Props) {
  const [form] = Form.useForm<ResidentFormValues>();
  const { message, modal } = App.useApp();
  const create = useApiMutation('residents.create');
  const update = useApiMutation('residents.update');
  const invalidate = useInvalidate();
  const editing = state?.mode === 'edit' ? state.resident : null;

  const idNumber = Form.useWatch('idNumber', form);
  const clearIdNumber = Form.useWatch('clearIdNumber', form) === true;
  const clearPhone = Form.useWatch('clearPhone', form) === true;
  const phone = Form.useWatch('phone', form);
  const derived = idNumberInfo(idNumber);
  const idTyped = !!idNumber?.trim();
  const idOnFile = !!editing?.idNumberMasked && !clearIdNumber && !idTyped;
  /** Gender and birth date come from an ID number: the one typed, or the one on file that stays. */
  const fromId = !!derived || idOnFile;
  const needsGender = !idTyped && !idOnFile;

  const save = (v: ResidentFormValues, confirmDuplicate = false) => {
    const handlers = {
      onSuccess: (r: Resident) => {
        invalidate('residents.', 'grid.');
        message.success(editing ? t('resident.updated', { name: r.name }) : t('resident.created', { name: r.name }));
        onSaved(r);
      },
      onError: (err: unknown) => {
        const e = appErrorOf(err);
        if (e.key === 'resident.duplicate.namePhone') {
          modal.confirm({ ...duplicateResidentQuestion(e.params), onOk: () => save(v, true) });
          return;
        }
        showApiError(err, (text) => message.error(text), form, RESIDENT_FORM_FIELDS);
      },
    };
    if (editing) update.mutate(toUpdateInput(editing.id, v, fromId, confirmDuplicate), handlers);
    else create.mutate(toCreateInput(v, fromId, confirmDuplicate), handlers);
  };

  const idExtra = derived ? (
    <span data-testid="id-derived" style={{ color: 'var(--ant-color-success-text)' }}>
      {t('resident.idDerived', { birthDate: chineseDate(derived.birthDate), gender: genderLabel(derived.gender) })}
    </span>
  ) : editing?.idNumberMasked && !idTyped ? (
    <StoredValueHint
      testId="id-on-file"
      masked={editing.idNumberMasked}
      cleared={clearIdNumber}
      onClear={(c) => form.setFieldValue('clearIdNumber', c)}
    />
  ) : (
    t('resident.idHint')
  );

  const phoneExtra =
    editing?.phoneMasked && !phone?.trim() ? (
      <StoredValueHint testId="phone-on-file" masked={editing.phoneMasked} cleared={clearPhone} onClear={(c) => form.setFieldValue('clearPhone', c)} />
    ) : (
      t('resident.phoneHint')
    );

  return (
    <Modal
      open={!!state}
      title={editing ? t('resident.editTitle', { name: editing.name }) : t('resident.createTitle')}
      width={760}
      style={{ top: 24 }}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit' }}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => save(v)}
          onValuesChange={(changed: Partial<ResidentFormValues>) => {
            const info = 'idNumber' in changed ? idNumberInfo(changed.idNumber) : null;
            if (info) form.setFieldsValue({ gender: info.gender, birthDate: dayjs(info.birthDate) });
          }}
          preserve={false}
          clearOnDestroy
          initialValues={initialValues(editing)}
          scrollToFirstError
        >
          {dom}
        </Form>
      )}
    >
      <Form.Item name="clearIdNumber" hidden valuePropName="checked">
        <input type="checkbox" />
      </Form.Item>
      <Form.Item name="clearPhone" hidden valuePropName="checked">
        <input type="checkbox" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={t('field.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input autoFocus maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="phone" label={t('field.phone')} extra={phoneExtra}>
            <Input maxLength={30} inputMode="tel" disabled={clearPhone} placeholder={editing?.phoneMasked ? t('resident.keepPlaceholder') : undefined} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="idNumber" label={t('field.idNumber')} rules={idNumberRules} validateTrigger={['onChange', 'onBlur']} validateFirst extra={idExtra}>
        <Input
          maxLength={30}
          disabled={clearIdNumber}
          placeholder={editing?.idNumberMasked ? t('resident.keepPlaceholder') : undefined}
          style={{ fontFamily: 'var(--mono, monospace)' }}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="gender"
            label={t('field.gender')}
            required={needsGender}
            rules={[{ required: needsGender, message: t('resident.gender.required') }]}
            className={fromId ? 'derived-field' : undefined}
          >
            <Radio.Group disabled={fromId} size="large">
              <Radio value="M">{t('gender.M')}</Radio>
              <Radio value="F">{t('gender.F')}</Radio>
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="birthDate" label={t('field.birthDate')} className={fromId ? 'derived-field' : undefined}>
            <DatePicker
              disabled={fromId}
              style={{ width: '100%' }}
              format={['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/M/D']}
              placeholder={t('resident.birthDatePlaceholder')}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="buildingId" label={t('field.building')}>
            <GridNodeSelect buildingsOnly placeholder={t('resident.buildingPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="unit" label={t('field.unit')}>
            <Input maxLength={10} placeholder={t('resident.unitPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="room" label={t('field.room')}>
            <Input maxLength={10} placeholder={t('resident.roomPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="tags" label={t('field.tags')}>
            <Select mode="tags" options={RESIDENT_TAGS.map((tag) => ({ value: tag, label: tag }))} placeholder={t('resident.tagsPlaceholder')} maxCount={20} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="notes" label={t('field.notes')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </Modal>
  );
}

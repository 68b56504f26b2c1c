import { useEffect } from 'react';
import { Alert, App, AutoComplete, Button, Checkbox, Col, Form, Input, Modal, Row, Typography } from 'antd';
import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { HARDSHIP_TYPES } from '../../../../../shared/contract/cards';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { failureText, showApiError } from '../../../components/apiErrors';
import { PageSpinner } from '../../../components/PageSpinner';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';
import { formValuesOf, householdFields, RELATIONS, toHouseholdInput, type HouseholdFormValues } from './householdForm';
import { PersonField } from './PersonField';

interface Props {
  /** null: closed; id null: a new household. */
  state: { id: string | null } | null;
  onClose(): void;
  onSaved(id: string): void;
}

/** 登记困难家庭 / 修改: the head, the other members with their relation, address, hardship and 低保证号. */
export function HouseholdFormDialog({ state, onClose, onSaved }: Props) {
  const [form] = Form.useForm<HouseholdFormValues>();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const save = useApiMutation('households.save');
  const editId = state?.id ?? null;
  const existing = useApiQuery('households.get', { id: editId ?? '' }, { enabled: !!editId });
  const head = Form.useWatch('head', form);

  useEffect(() => {
    if (state && editId && existing.data?.id === editId) form.setFieldsValue(formValuesOf(existing.data));
  }, [state, editId, existing.data, form]);

  // The head's home is the household's address, unless one is typed.
  useEffect(() => {
    if (head?.address && !form.getFieldValue('address')) form.setFieldValue('address', head.address);
  }, [head, form]);

  const submit = (v: HouseholdFormValues) =>
    save.mutate(toHouseholdInput(editId, v), {
      onSuccess: ({ id }) => {
        invalidate('households.', 'cardApplications.', 'cards.');
        message.success(editId ? t('householdForm.updated', { name: v.head?.name ?? '' }) : t('householdForm.created', { name: v.head?.name ?? '' }));
        onSaved(id);
      },
      onError: (err) => showApiError(err, (text) => message.error(text), form, householdFields),
    });

  /** A resident is in one household once: not the head again, not twice as a member. */
  const notRepeated = (index: number) => ({
    validator: async (_: unknown, p: HouseholdFormValues['head']) => {
      if (!p) return;
      const v = form.getFieldsValue();
      if (v.head?.id === p.id) throw new Error(t('householdForm.memberIsHead'));
      if ((v.members ?? []).some((m, i) => i !== index && m?.person?.id === p.id)) throw new Error(t('householdForm.memberTwice'));
    },
  });

  const loading = !!editId && !existing.data && !existing.error;

  return (
    <Modal
      open={!!state}
      title={editId ? t('householdForm.editTitle') : t('householdForm.title')}
      width={900}
      style={{ top: 16 }}
      okText={editId ? t('common.save') : t('householdForm.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', size: 'large', disabled: loading }}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<HouseholdFormValues> form={form} layout="vertical" onFinish={submit} preserve={false} clearOnDestroy scrollToFirstError requiredMark>
          {dom}
        </Form>
      )}
    >
      {existing.error && <Alert type="error" showIcon title={failureText(existing.error)} />}
      {loading ? (
        <PageSpinner />
      ) : (
        <>
          <Form.Item name="head" label={t('householdForm.head')} rules={[{ required: true, message: t('householdForm.headRequired') }]} extra={t('householdForm.headHint')}>
            <PersonField autoFocus />
          </Form.Item>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <div className="household-members">
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {t('householdForm.members')}
                </Typography.Text>
                {fields.length === 0 && <div className="cards-sub">{t('householdForm.noMembers')}</div>}
                {fields.map((f, index) => (
                  <Row key={f.key} gutter={12} align="top" data-testid="household-member-row">
                    <Col flex="auto">
                      <Form.Item
                        name={[f.name, 'person']}
                        label={t('householdForm.memberN', { n: index + 1 })}
                        rules={[{ required: true, message: t('householdForm.memberRequired') }, notRepeated(index)]}
                      >
                        <PersonField autoFocus />
                      </Form.Item>
                    </Col>
                    <Col flex="160px">
                      <Form.Item
                        name={[f.name, 'relation']}
                        label={t('householdForm.relation')}
                        rules={[{ required: true, whitespace: true, message: t('householdForm.relationRequired') }]}
                      >
                        <AutoComplete size="large" maxLength={10} options={RELATIONS.map((r) => ({ value: r }))} placeholder={t('householdForm.relationPlaceholder')} />
                      </Form.Item>
                    </Col>
                    <Col flex="none">
                      <Button
                        size="large"
                        style={{ marginTop: 32 }}
                        icon={<DeleteOutlined />}
                        aria-label={t('householdForm.removeMember', { n: index + 1 })}
                        onClick={() => remove(f.name)}
                      />
                    </Col>
                  </Row>
                ))}
                <Button icon={<UserAddOutlined />} onClick={() => add({})} disabled={fields.length >= 20}>
                  {t('householdForm.addMember')}
                </Button>
              </div>
            )}
          </Form.List>
          <Form.Item name="address" label={t('householdForm.address')} rules={[{ required: true, whitespace: true, message: t('householdForm.addressRequired') }]}>
            <Input size="large" maxLength={120} />
          </Form.Item>
          <Form.Item name="hardshipTypes" label={t('householdForm.hardship')} rules={[{ required: true, message: t('householdForm.hardshipRequired') }]}>
            <Checkbox.Group className="hardship-checks" options={HARDSHIP_TYPES.map((h) => ({ value: h, label: h }))} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item name="allowanceCertNo" label={t('householdForm.allowanceCertNo')}>
                <Input size="large" maxLength={40} placeholder={t('householdForm.allowanceCertNoPlaceholder')} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name="notes" label={t('householdForm.notes')}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
    </Modal>
  );
}

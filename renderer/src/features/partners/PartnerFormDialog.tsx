import { Form, Input, Switch } from 'antd';
import type { Partner } from '../../../../shared/contract/partners';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import FormModal from '../settings/FormModal';
import { useNotify } from '../settings/useNotify';

interface Values {
  name: string;
  address: string;
  contactName: string;
  contactPhone: string;
  offer?: string;
  active: boolean;
}

const FIELDS = ['name', 'address', 'contactName', 'contactPhone', 'offer', 'active'];

/** 登记商户 / 修改商户. The stored phone is only ever shown masked: sent back as it is, the number on file stays. */
export function PartnerFormDialog({ state, onClose }: { state: { partner: Partner | null } | null; onClose(): void }) {
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation('partners.save');
  const invalidate = useInvalidate();
  const editing = state?.partner ?? null;

  const onFinish = (v: Values) =>
    save.mutate(
      {
        id: editing?.id,
        name: v.name.trim(),
        address: v.address.trim(),
        contactName: v.contactName.trim(),
        contactPhone: v.contactPhone.trim(),
        offer: v.offer?.trim() || undefined,
        active: v.active,
      },
      {
        onSuccess: (p) => {
          invalidate('partners.', 'cardReports.');
          notify.success(editing ? t('partnerForm.updated', { name: p.name }) : t('partnerForm.created', { name: p.name }));
          onClose();
        },
        onError: (e) => showApiError(e, (text) => notify.error(text), form, FIELDS),
      },
    );

  const required = (key: string) => [{ required: true, whitespace: true, message: t(key) }];

  return (
    <FormModal<Values>
      title={editing ? t('partnerForm.editTitle', { name: editing.name }) : t('partnerForm.title')}
      open={!!state}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      saving={save.isPending}
      okText={editing ? t('common.save') : t('partnerForm.create')}
      width={640}
      initialValues={
        editing
          ? { name: editing.name, address: editing.address, contactName: editing.contactName, contactPhone: editing.contactPhoneMasked, offer: editing.offer ?? undefined, active: editing.active }
          : { active: true }
      }
    >
      <Form.Item name="name" label={t('partnerForm.name')} rules={required('partnerForm.nameRequired')}>
        <Input size="large" autoFocus maxLength={60} placeholder={t('partnerForm.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="address" label={t('partnerForm.address')} rules={required('partnerForm.addressRequired')}>
        <Input size="large" maxLength={120} />
      </Form.Item>
      <Form.Item name="contactName" label={t('partnerForm.contactName')} rules={required('partnerForm.contactNameRequired')}>
        <Input size="large" maxLength={30} />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('partnerForm.contactPhone')}
        extra={editing ? t('partnerForm.contactPhoneKept') : t('partnerForm.contactPhoneHint')}
        rules={required('partnerForm.contactPhoneRequired')}
      >
        <Input size="large" maxLength={20} inputMode="tel" />
      </Form.Item>
      <Form.Item name="offer" label={t('partnerForm.offer')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={300} showCount placeholder={t('partnerForm.offerPlaceholder')} />
      </Form.Item>
      <Form.Item name="active" label={t('partnerForm.active')} valuePropName="checked" extra={t('partnerForm.activeHint')}>
        <Switch checkedChildren={t('partnerForm.activeOn')} unCheckedChildren={t('partnerForm.activeOff')} />
      </Form.Item>
    </FormModal>
  );
}

import { useEffect } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { cardNumberProblem } from '../../../../shared/rules/cardNumber';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';

interface Values {
  cardNo: string;
  address: string;
  note?: string;
}

const cardNoRule = {
  validator: async (_: unknown, value: string | undefined) => {
    const problem = cardNumberProblem((value ?? '').trim());
    if (problem === 'format') throw new Error(t('tillDeliveries.cardNoFormat'));
    if (problem === 'checkDigit') throw new Error(t('tillDeliveries.cardNoCheck'));
  },
};

/** 登记送货: a card number, and the address the centre holds for it (or one typed in). */
export function DeliveryRequestDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const request = useApiMutation('till.requestDelivery');
  const cardNo = (Form.useWatch('cardNo', form) ?? '').trim();
  const wellFormed = cardNumberProblem(cardNo) === null;
  const known = useApiQuery('till.deliveryAddress', { cardNo }, { enabled: open && wellFormed });

  useEffect(() => {
    const address = known.data?.address;
    if (address && !form.getFieldValue('address')) form.setFieldValue('address', address);
  }, [known.data, form]);

  const submit = (v: Values) =>
    request.mutate(
      { cardNo: v.cardNo.trim(), address: v.address, note: v.note },
      {
        onSuccess: () => {
          invalidate('till.');
          message.success(t('tillDeliveries.saved'));
          onClose();
        },
        onError: (err) => showApiError(err, (text) => message.error(text), form, ['cardNo', 'address', 'note']),
      },
    );

  return (
    <Modal
      open={open}
      title={t('tillDeliveries.newTitle')}
      okText={t('tillDeliveries.save')}
      okButtonProps={{ htmlType: 'submit', size: 'large' }}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      confirmLoading={request.isPending}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<Values> form={form} layout="vertical" size="large" onFinish={submit} preserve={false} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <Form.Item name="cardNo" label={t('tillDeliveries.cardNo')} rules={[cardNoRule]} validateTrigger="onBlur">
        <Input autoFocus inputMode="numeric" maxLength={12} placeholder={t('tillDeliveries.cardNoPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="address"
        label={t('tillDeliveries.address')}
        rules={[{ required: true, whitespace: true, message: t('purchase.deliveryAddressRequired') }]}
        extra={wellFormed && known.data && known.data.address === null ? t('tillDeliveries.noAddress') : undefined}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={120} />
      </Form.Item>
      <Form.Item name="note" label={t('tillDeliveries.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </Modal>
  );
}

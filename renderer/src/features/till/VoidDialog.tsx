import { App, Form, Input, Modal, Typography } from 'antd';
import type { Purchase } from '../../../../shared/contract/till';
import { formatCardNumber } from '../../../../shared/rules/cardNumber';
import { formatFen } from '../../../../shared/rules/money';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';

interface Values {
  reason: string;
}

/** 撤销: only inside the void window, and only with a reason (it goes to the centre with the purchase). */
export function VoidDialog({ purchase, onClose }: { purchase: Purchase | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const voidIt = useApiMutation('till.void');

  const submit = (v: Values) => {
    if (!purchase) return;
    voidIt.mutate(
      { id: purchase.id, reason: v.reason },
      {
        onSuccess: () => {
          invalidate('till.');
          message.success(t('tillPurchases.voidDone'));
          onClose();
        },
        onError: (err) => showApiError(err, (text) => message.error(text), form, ['reason']),
      },
    );
  };

  return (
    <Modal
      open={!!purchase}
      title={t('tillPurchases.voidTitle')}
      okText={t('tillPurchases.voidConfirm')}
      okButtonProps={{ htmlType: 'submit', size: 'large', danger: true }}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      confirmLoading={voidIt.isPending}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      {purchase && (
        <Typography.Paragraph style={{ fontSize: 17 }}>
          {t('tillPurchases.voidExplain', {
            cardNo: formatCardNumber(purchase.cardNo),
            name: purchase.maskedName,
            amount: formatFen(purchase.amountFen),
            discount: formatFen(purchase.discountFen),
          })}
        </Typography.Paragraph>
      )}
      <Form.Item name="reason" label={t('tillPurchases.voidReason')} rules={[{ required: true, whitespace: true, message: t('tillPurchases.voidReasonRequired') }]}>
        <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} showCount placeholder={t('tillPurchases.voidReasonPlaceholder')} />
      </Form.Item>
    </Modal>
  );
}

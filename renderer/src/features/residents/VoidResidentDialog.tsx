import { App, Form, Input, Modal, Typography } from 'antd';
import type { Resident } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';

interface Props {
  resident: Resident | null;
  onClose: () => void;
  onVoided: () => void;
}

/** Nothing is deleted: a record is voided with the reason, and the reason is kept. */
export function VoidResidentDialog({ resident, onClose, onVoided }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const voidResident = useApiMutation('residents.void');
  const invalidate = useInvalidate();

  const submit = ({ reason }: { reason: string }) => {
    if (!resident) return;
    voidResident.mutate(
      { id: resident.id, reason },
      {
        onSuccess: () => {
          invalidate('residents.', 'grid.');
          message.success(t('resident.voided', { name: resident.name }));
          onVoided();
        },
        onError: (err) => showApiError(err, (text) => message.error(text), form, ['reason']),
      },
    );
  };

  return (
    <Modal
      open={!!resident}
      title={t('resident.voidTitle', { name: resident?.name ?? '' })}
      okText={t('resident.voidConfirm')}
      okButtonProps={{ danger: true, htmlType: 'submit' }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      confirmLoading={voidResident.isPending}
      destroyOnHidden
      modalRender={(dom) => (
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph>{t('resident.voidExplain')}</Typography.Paragraph>
      <Form.Item name="reason" label={t('resident.voidReason')} rules={[{ required: true, whitespace: true, message: t('resident.voidReasonRequired') }]}>
        <Input.TextArea autoFocus rows={3} maxLength={200} showCount placeholder={t('resident.voidReasonPlaceholder')} />
      </Form.Item>
    </Modal>
  );
}

import { App, Form, Input, Modal, Typography } from 'antd';
import type { HomeVisit } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import { visitSpan } from './visitWords';

export type FinishTarget = { kind: 'complete' | 'cancel'; visit: HomeVisit };

/** 完成 (the outcome, which resolves the request) or 取消 (the reason); each asks for one text. */
export function VisitFinishDialog({ target, onClose }: { target: FinishTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<{ text: string }>();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const complete = useApiMutation('homeVisits.complete');
  const cancel = useApiMutation('homeVisits.cancel');
  const v = target?.visit;
  const completing = target?.kind === 'complete';

  const submit = ({ text }: { text: string }) => {
    if (!v) return;
    const onSuccess = (x: HomeVisit) => {
      invalidate('homeVisits.', 'requests.', 'figures.');
      message.success(
        completing ? (x.requestNumber && x.requestStatus === 'resolved' ? t('homeVisits.completedRequest', { number: x.requestNumber }) : t('homeVisits.completed')) : t('homeVisits.cancelled'),
      );
      onClose();
    };
    const onError = (err: unknown) => showApiError(err, (m) => message.error(m), form, (f) => (f === 'outcome' || f === 'reason' ? 'text' : null));
    if (completing) complete.mutate({ id: v.id, outcome: text }, { onSuccess, onError });
    else cancel.mutate({ id: v.id, reason: text }, { onSuccess, onError });
  };

  const where = v ? { time: visitSpan(v), address: v.address } : { time: '', address: '' };
  return (
    <Modal
      open={!!target}
      title={completing ? t('homeVisits.completeTitle', where) : t('homeVisits.cancelTitle', where)}
      width={600}
      okText={completing ? t('homeVisits.saveComplete') : t('homeVisits.saveCancel')}
      okButtonProps={{ htmlType: 'submit', size: 'large', danger: !completing }}
      cancelText={completing ? t('common.cancel') : t('homeVisits.keep')}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      confirmLoading={complete.isPending || cancel.isPending}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      {v?.requestNumber && (
        <Typography.Paragraph>
          {completing ? t('homeVisits.completeResolves', { number: v.requestNumber }) : t('homeVisits.cancelKeeps', { number: v.requestNumber })}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="text"
        label={completing ? (v?.requestNumber ? t('homeVisits.field.outcome') : t('homeVisits.field.outcomeDirect')) : t('homeVisits.field.reason')}
        rules={[{ required: true, whitespace: true, message: completing ? t('homeVisits.field.outcomeRequired') : t('homeVisits.field.reasonRequired') }]}
      >
        <Input.TextArea
          autoFocus
          autoSize={{ minRows: 3, maxRows: 6 }}
          maxLength={completing ? 1000 : 200}
          showCount
          placeholder={completing ? t('homeVisits.field.outcomePlaceholder') : undefined}
          data-testid="visit-finish-text"
        />
      </Form.Item>
    </Modal>
  );
}

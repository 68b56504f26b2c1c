import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { SATISFACTIONS, type RequestDetail } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import { ModeCards } from './ModeCards';
import { satisfactionLabel, type Satisfaction } from './requestLabels';
import { ROUTING_FIELDS, RoutingFields, toRouting, type RoutingValues } from './RoutingFields';

export type RequestAction = 'resolve' | 'feedback' | 'reroute' | 'void';

interface Values extends Partial<RoutingValues> {
  resolution?: string;
  satisfaction?: Satisfaction;
  note?: string;
  reason?: string;
}

interface Props {
  action: RequestAction | null;
  request: RequestDetail;
  onClose: () => void;
}

const OK_TEXT: Record<RequestAction, string> = {
  resolve: 'requestAction.resolveOk',
  feedback: 'requestAction.feedbackOk',
  reroute: 'requestAction.rerouteOk',
  void: 'requestAction.voidOk',
};

/** 办结, 回访, 改派 and 作废: each asks only for what its step records. */
export function RequestActionDialog({ action, request, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const resolve = useApiMutation('requests.resolve');
  const feedback = useApiMutation('requests.feedback');
  const reroute = useApiMutation('requests.reroute');
  const voidIt = useApiMutation('requests.void');
  const satisfaction = Form.useWatch('satisfaction', form);
  const mode = Form.useWatch('mode', form);

  useEffect(() => {
    if (action === 'reroute' && (mode === 'onsite' || mode === 'homevisit') && !form.getFieldValue('visitAddress')) {
      form.setFieldValue('visitAddress', request.visitAddress ?? (request.residentAddress || ''));
    }
  }, [action, mode, form, request.visitAddress, request.residentAddress]);

  const handlers = (done: string, fields: string[]) => ({
    onSuccess: (r: RequestDetail) => {
      invalidate('requests.', 'figures.');
      message.success(t(done, { number: r.number }));
      onClose();
    },
    onError: (err: unknown) => showApiError(err, (text) => message.error(text), form, fields),
  });

  const submit = (v: Values) => {
    const id = request.id;
    if (action === 'resolve') resolve.mutate({ id, resolution: v.resolution ?? '' }, handlers('requestAction.resolved', ['resolution']));
    if (action === 'feedback')
      feedback.mutate(
        { id, satisfaction: v.satisfaction!, note: v.note },
        handlers(v.satisfaction === 'unsatisfied' ? 'requestAction.reopened' : 'requestAction.feedbackDone', ['satisfaction', 'note']),
      );
    if (action === 'reroute') reroute.mutate({ id, ...toRouting(v as RoutingValues), note: v.note }, handlers('requestAction.rerouted', [...ROUTING_FIELDS, 'note']));
    if (action === 'void') voidIt.mutate({ id, reason: v.reason ?? '' }, handlers('requestAction.voided', ['reason']));
  };

  const pending = resolve.isPending || feedback.isPending || reroute.isPending || voidIt.isPending;

  return (
    <Modal
      open={!!action}
      title={action ? t(`requestAction.${action}Title`, { number: request.number }) : ''}
      width={action === 'reroute' ? 900 : 600}
      okText={action ? t(OK_TEXT[action]) : ''}
      okButtonProps={{ htmlType: 'submit', size: 'large', danger: action === 'void' }}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          clearOnDestroy
          initialValues={
            action === 'reroute'
              ? {
                  mode: request.mode,
                  assigneeStaffId: request.assigneeStaffId,
                  department: request.department ?? undefined,
                  visitAddress: request.visitAddress ?? request.residentAddress ?? undefined,
                }
              : {}
          }
        >
          {dom}
        </Form>
      )}
    >
      {action === 'resolve' && (
        <Form.Item name="resolution" label={t('requestAction.resolution')} rules={[{ required: true, whitespace: true, message: t('requestAction.resolutionRequired') }]}>
          <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} showCount placeholder={t('requestAction.resolutionPlaceholder')} />
        </Form.Item>
      )}
      {action === 'feedback' && (
        <>
          <Form.Item name="satisfaction" label={t('requestAction.satisfaction')} rules={[{ required: true, message: t('requestAction.satisfactionRequired') }]}>
            <Radio.Group
              size="large"
              optionType="button"
              buttonStyle="solid"
              options={SATISFACTIONS.map((s) => ({ value: s, label: satisfactionLabel(s) }))}
            />
          </Form.Item>
          {satisfaction === 'unsatisfied' && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('requestAction.unsatisfiedReopens')} data-testid="reopen-warning" />
          )}
          <Form.Item name="note" label={t('requestAction.feedbackNote')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} placeholder={t('requestAction.feedbackNotePlaceholder')} />
          </Form.Item>
        </>
      )}
      {action === 'reroute' && (
        <>
          <Form.Item name="mode" label={t('requestForm.mode')} rules={[{ required: true, message: t('requestForm.modeRequired') }]}>
            <ModeCards />
          </Form.Item>
          <RoutingFields mode={mode} />
          <Form.Item name="note" label={t('requestAction.rerouteNote')}>
            <Input maxLength={500} placeholder={t('requestAction.rerouteNotePlaceholder')} />
          </Form.Item>
        </>
      )}
      {action === 'void' && (
        <>
          <Typography.Paragraph>{t('requestAction.voidExplain')}</Typography.Paragraph>
          <Form.Item name="reason" label={t('requestAction.voidReason')} rules={[{ required: true, whitespace: true, message: t('requestAction.voidReasonRequired') }]}>
            <Input.TextArea autoFocus rows={3} maxLength={200} showCount placeholder={t('requestAction.voidReasonPlaceholder')} />
          </Form.Item>
        </>
      )}
    </Modal>
  );
}

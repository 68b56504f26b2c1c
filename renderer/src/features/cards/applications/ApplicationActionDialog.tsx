import { App, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApplicationDetail } from '../../../../../shared/contract/cards';
import { useApiMutation } from '../../../api/hooks';
import { showApiError } from '../../../components/apiErrors';
import { chineseDate } from '../../../components/format';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';
import { DATE_FORMATS } from '../../settings/format';
import { benefitLabel, capLabel } from '../cardLabels';

export type ApplicationAction =
  | { kind: 'review' | 'notice' | 'objection' | 'approve' | 'reject' | 'withdraw' }
  | { kind: 'settle'; objection: ApplicationDetail['objections'][number] };

interface Values {
  meetingDate?: Dayjs;
  present?: string;
  votesFor?: number;
  votesAgainst?: number;
  votesAbstain?: number;
  decision?: 'approve' | 'reject';
  note?: string;
  startDate?: Dayjs;
  days?: number;
  place?: string;
  objector?: string;
  content?: string;
  upheld?: boolean;
  settlement?: string;
  validFrom?: Dayjs;
  reason?: string;
}

const D = 'YYYY-MM-DD';
const FIELDS = ['meetingDate', 'present', 'votesFor', 'votesAgainst', 'votesAbstain', 'decision', 'note', 'startDate', 'days', 'place', 'objector', 'content', 'upheld', 'settlement', 'validFrom', 'reason'];

interface Props {
  action: ApplicationAction | null;
  application: ApplicationDetail;
  today: string;
  onClose(): void;
}

const required = (key: string) => [{ required: true, whitespace: true, message: t(key) }];
const notAfterToday = (today: string) => (d: Dayjs) => d.format(D) > today;

/** One step of the application, each asking only for what that step records. */
export function ApplicationActionDialog({ action, application: a, today, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const review = useApiMutation('cardApplications.review');
  const notice = useApiMutation('cardApplications.postNotice');
  const objection = useApiMutation('cardApplications.lodgeObjection');
  const settle = useApiMutation('cardApplications.settleObjection');
  const approve = useApiMutation('cardApplications.approve');
  const reject = useApiMutation('cardApplications.reject');
  const withdraw = useApiMutation('cardApplications.withdraw');
  const startDate = Form.useWatch('startDate', form);
  const days = Form.useWatch('days', form);
  const kind = action?.kind;

  const done = (key: string) => ({
    onSuccess: (x: ApplicationDetail) => {
      invalidate('cardApplications.', 'households.', 'cards.', 'cardReports.');
      message.success(t(key, { number: x.number }));
      onClose();
    },
    onError: (err: unknown) => showApiError(err, (text) => message.error(text), form, FIELDS),
  });

  const submit = (v: Values) => {
    const id = a.id;
    const text = (s?: string) => (s ?? '').trim();
    if (kind === 'review')
      review.mutate(
        {
          id,
          meetingDate: v.meetingDate?.format(D) ?? '',
          present: text(v.present),
          votesFor: v.votesFor ?? 0,
          votesAgainst: v.votesAgainst ?? 0,
          votesAbstain: v.votesAbstain ?? 0,
          decision: v.decision ?? 'approve',
          note: text(v.note) || undefined,
        },
        done('applicationAction.reviewed'),
      );
    if (kind === 'notice') notice.mutate({ id, startDate: v.startDate?.format(D) ?? '', days: v.days ?? 7, place: text(v.place) }, done('applicationAction.noticePosted'));
    if (kind === 'objection') objection.mutate({ id, objector: text(v.objector) || undefined, content: text(v.content) }, done('applicationAction.objectionLodged'));
    if (action?.kind === 'settle') settle.mutate({ objectionId: action.objection.id, upheld: v.upheld ?? false, settlement: text(v.settlement) }, done('applicationAction.objectionSettled'));
    if (kind === 'approve') approve.mutate({ id, validFrom: v.validFrom?.format(D) }, done('applicationAction.approved'));
    if (kind === 'reject') reject.mutate({ id, reason: text(v.reason) }, done('applicationAction.rejected'));
    if (kind === 'withdraw') withdraw.mutate({ id, reason: text(v.reason) }, done('applicationAction.withdrawn'));
  };

  const pending = [review, notice, objection, settle, approve, reject, withdraw].some((m) => m.isPending);
  const noticeEnd = startDate && days ? startDate.add(days - 1, 'day').format(D) : null;
  const initial: Values =
    kind === 'review'
      ? { meetingDate: dayjs(today), decision: 'approve' }
      : kind === 'notice'
        ? { startDate: dayjs(today), days: 7 }
        : kind === 'approve'
          ? { validFrom: dayjs(today) }
          : {};

  return (
    <Modal
      open={!!action}
      title={kind ? t(`applicationAction.${kind}Title`, { number: a.number }) : ''}
      width={kind === 'review' ? 720 : 600}
      okText={kind ? t(`applicationAction.${kind}Ok`) : ''}
      okButtonProps={{ htmlType: 'submit', size: 'large', danger: kind === 'reject' || kind === 'withdraw' }}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} clearOnDestroy initialValues={initial} requiredMark>
          {dom}
        </Form>
      )}
    >
      {kind === 'review' && (
        <>
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item name="meetingDate" label={t('applicationAction.meetingDate')} rules={[{ required: true, message: t('applicationAction.meetingDateRequired') }]}>
                <DatePicker size="large" style={{ width: '100%' }} format={DATE_FORMATS} disabledDate={notAfterToday(today)} allowClear={false} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name="decision" label={t('applicationAction.decision')} rules={[{ required: true, message: t('applicationAction.decisionRequired') }]}>
                <Radio.Group
                  size="large"
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    { value: 'approve', label: t('applicationView.decision.approve') },
                    { value: 'reject', label: t('applicationView.decision.reject') },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="present" label={t('applicationAction.present')} rules={required('applicationAction.presentRequired')}>
            <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} placeholder={t('applicationAction.presentPlaceholder')} />
          </Form.Item>
          <Row gutter={16}>
            {(['votesFor', 'votesAgainst', 'votesAbstain'] as const).map((name) => (
              <Col span={8} key={name}>
                <Form.Item name={name} label={t(`applicationAction.${name}`)} rules={[{ required: true, message: t('applicationAction.votesRequired') }]}>
                  <InputNumber size="large" min={0} max={999} precision={0} suffix={t('applicationAction.votesUnit')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Form.Item name="note" label={t('applicationAction.reviewNote')}>
            <Input maxLength={500} />
          </Form.Item>
        </>
      )}
      {kind === 'notice' && (
        <>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="startDate" label={t('applicationAction.startDate')} rules={[{ required: true, message: t('applicationAction.startDateRequired') }]}>
                <DatePicker size="large" style={{ width: '100%' }} format={DATE_FORMATS} allowClear={false} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="days"
                label={t('applicationAction.days')}
                extra={noticeEnd ? t('applicationAction.noticeEndsOn', { date: chineseDate(noticeEnd) }) : undefined}
                rules={[{ required: true, message: t('applicationAction.daysRequired') }]}
              >
                <InputNumber size="large" min={1} max={30} precision={0} suffix={t('applicationAction.daysUnit')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="place" label={t('applicationAction.place')} rules={required('applicationAction.placeRequired')}>
            <Input autoFocus size="large" maxLength={100} placeholder={t('applicationAction.placePlaceholder')} />
          </Form.Item>
        </>
      )}
      {kind === 'objection' && (
        <>
          <Typography.Paragraph>{t('applicationAction.objectionExplain')}</Typography.Paragraph>
          <Form.Item name="objector" label={t('applicationAction.objector')}>
            <Input size="large" maxLength={30} placeholder={t('applicationAction.objectorPlaceholder')} />
          </Form.Item>
          <Form.Item name="content" label={t('applicationAction.content')} rules={required('applicationAction.contentRequired')}>
            <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount />
          </Form.Item>
        </>
      )}
      {action?.kind === 'settle' && (
        <>
          <Typography.Paragraph className="quoted-text">{action.objection.content}</Typography.Paragraph>
          <Form.Item name="upheld" label={t('applicationAction.upheld')} rules={[{ required: true, message: t('applicationAction.upheldRequired') }]}>
            <Radio.Group
              size="large"
              className="stacked-radios"
              options={[
                { value: false, label: t('applicationAction.upheldNo') },
                { value: true, label: t('applicationAction.upheldYes') },
              ]}
            />
          </Form.Item>
          <Form.Item name="settlement" label={t('applicationAction.settlement')} rules={required('applicationAction.settlementRequired')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount placeholder={t('applicationAction.settlementPlaceholder')} />
          </Form.Item>
        </>
      )}
      {kind === 'approve' && (
        <>
          <Descriptions
            column={1}
            bordered
            size="small"
            style={{ marginBottom: 16 }}
            items={[
              { key: 'holder', label: t('applicationView.holder'), children: <strong>{a.holderName}</strong> },
              { key: 'benefit', label: t('applicationView.benefit'), children: benefitLabel(a.benefit) },
              { key: 'cap', label: t('applicationView.cap'), children: capLabel(a.monthlyCapFen) },
              { key: 'delivery', label: t('applicationView.delivery'), children: a.delivery ? t('applicationView.deliveryYes') : t('applicationView.deliveryNo') },
            ]}
          />
          <Form.Item name="validFrom" label={t('applicationAction.validFrom')} extra={t('applicationAction.validFromHint')} rules={[{ required: true, message: t('applicationAction.validFromRequired') }]}>
            <DatePicker size="large" format={DATE_FORMATS} allowClear={false} style={{ width: 240 }} />
          </Form.Item>
        </>
      )}
      {(kind === 'reject' || kind === 'withdraw') && (
        <>
          <Typography.Paragraph>{t(`applicationAction.${kind}Explain`)}</Typography.Paragraph>
          <Form.Item name="reason" label={t(`applicationAction.${kind}Reason`)} rules={required('applicationAction.reasonRequired')}>
            <Input.TextArea autoFocus rows={3} maxLength={300} showCount />
          </Form.Item>
        </>
      )}
    </Modal>
  );
}

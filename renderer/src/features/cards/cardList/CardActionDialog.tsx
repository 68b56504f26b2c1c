import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CardDetail } from '../../../../../shared/contract/cards';
import { formatCardNumber } from '../../../../../shared/rules/cardNumber';
import { useApiMutation } from '../../../api/hooks';
import { showApiError } from '../../../components/apiErrors';
import { chineseDate } from '../../../components/format';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';

export type CardAction = 'suspend' | 'resume' | 'revoke' | 'replace' | 'renew';

/** What a card needs for an action: the detail, or a row of a list (the yearly-review list). */
type CardRef = Pick<CardDetail, 'id' | 'cardNo' | 'holderName' | 'validTo'>;

interface Props {
  action: CardAction | null;
  card: CardRef;
  today: string;
  onClose(): void;
  /** After 挂失补卡: the new card. */
  onReplaced?(card: CardDetail): void;
}

/** The reason (or a note) a card's change needs; 注销 and 补卡 say plainly what happens at the shops. */
export function CardActionDialog({ action, card, today, onClose, onReplaced }: Props) {
  const [form] = Form.useForm<{ text?: string }>();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const suspend = useApiMutation('cards.suspend');
  const resume = useApiMutation('cards.resume');
  const revoke = useApiMutation('cards.revoke');
  const replace = useApiMutation('cards.replace');
  const renew = useApiMutation('cards.renew');
  const needsReason = action === 'suspend' || action === 'revoke' || action === 'replace';
  const number = formatCardNumber(card.cardNo);
  const renewTo = card.validTo >= today ? chineseDate(dayjs(card.validTo).add(1, 'year').format('YYYY-MM-DD')) : null;

  const handlers = (after: (c: CardDetail) => string) => ({
    onSuccess: (c: CardDetail) => {
      invalidate('cards.', 'households.', 'cardApplications.', 'cardReports.');
      message.success(after(c));
      onClose();
      if (action === 'replace') onReplaced?.(c);
    },
    onError: (err: unknown) => showApiError(err, (text) => message.error(text), form, (f) => (f === 'reason' || f === 'note' ? 'text' : null)),
  });

  const submit = ({ text }: { text?: string }) => {
    const id = card.id;
    const v = (text ?? '').trim();
    if (action === 'suspend') suspend.mutate({ id, reason: v }, handlers(() => t('cardAction.suspended', { number })));
    if (action === 'resume') resume.mutate({ id, note: v || undefined }, handlers(() => t('cardAction.resumed', { number })));
    if (action === 'revoke') revoke.mutate({ id, reason: v }, handlers(() => t('cardAction.revoked', { number })));
    if (action === 'replace') replace.mutate({ id, reason: v }, handlers((c) => t('cardAction.replaced', { number, newNumber: formatCardNumber(c.cardNo) })));
    if (action === 'renew') renew.mutate({ id, note: v || undefined }, handlers((c) => t('cardAction.renewed', { number, date: chineseDate(c.validTo) })));
  };

  const pending = [suspend, resume, revoke, replace, renew].some((m) => m.isPending);
  const danger = action === 'revoke' || action === 'replace' || action === 'suspend';

  return (
    <Modal
      open={!!action}
      title={action ? t(`cardAction.${action}Title`, { number, name: card.holderName }) : ''}
      width={600}
      okText={action ? t(`cardAction.${action}Ok`) : ''}
      okButtonProps={{ htmlType: 'submit', size: 'large', danger }}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} clearOnDestroy requiredMark>
          {dom}
        </Form>
      )}
    >
      {action === 'revoke' && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('cardAction.revokeWarning')} data-testid="card-action-warning" />}
      {action === 'replace' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('cardAction.replaceWarning', { number })} data-testid="card-action-warning" />}
      {action === 'suspend' && <Typography.Paragraph>{t('cardAction.suspendExplain')}</Typography.Paragraph>}
      {action === 'resume' && <Typography.Paragraph>{t('cardAction.resumeExplain')}</Typography.Paragraph>}
      {action === 'renew' && (
        <Typography.Paragraph>{renewTo ? t('cardAction.renewExplain', { date: renewTo }) : t('cardAction.renewLapsedExplain')}</Typography.Paragraph>
      )}
      {action && (
        <Form.Item
          name="text"
          label={t(needsReason ? `cardAction.${action}Reason` : 'cardAction.note')}
          rules={needsReason ? [{ required: true, whitespace: true, message: t('cardAction.reasonRequired') }] : []}
        >
          <Input.TextArea autoFocus rows={3} maxLength={200} showCount placeholder={needsReason ? t(`cardAction.${action}Placeholder`) : undefined} />
        </Form.Item>
      )}
    </Modal>
  );
}

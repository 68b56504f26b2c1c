import { Tag } from 'antd';
import { ExclamationCircleFilled } from '@ant-design/icons';
import type { RequestSummary } from '../../../../shared/contract';
import { chineseDate } from '../../components/format';
import { t } from '../../i18n';
import { channelLabel, MODE_COLORS, modeLabel, SATISFACTION_COLORS, satisfactionLabel, STATUS_COLORS, statusLabel } from './requestLabels';

export function StatusTag({ status, large }: { status: RequestSummary['status']; large?: boolean }) {
  return (
    <Tag color={STATUS_COLORS[status]} className={large ? 'request-tag-large' : undefined} data-testid="request-status">
      {statusLabel(status)}
    </Tag>
  );
}

export function OverdueTag({ large }: { large?: boolean }) {
  return (
    <Tag color="red" icon={<ExclamationCircleFilled />} className={large ? 'request-tag-large' : undefined} data-testid="request-overdue">
      {t('requestView.overdue')}
    </Tag>
  );
}

export function ModeTag({ mode }: { mode: RequestSummary['mode'] }) {
  return <Tag color={MODE_COLORS[mode]}>{modeLabel(mode)}</Tag>;
}

export function ChannelText({ channel }: { channel: RequestSummary['channel'] }) {
  return <span>{channelLabel(channel)}</span>;
}

export function SatisfactionTag({ value }: { value: NonNullable<RequestSummary['satisfaction']> }) {
  return <Tag color={SATISFACTION_COLORS[value]}>{satisfactionLabel(value)}</Tag>;
}

/** 2026年5月20日, red and with 逾期 when an open request is past it. */
export function DueDate({ request }: { request: Pick<RequestSummary, 'dueDate' | 'overdue'> }) {
  return (
    <span className={request.overdue ? 'request-due-overdue' : undefined}>
      {chineseDate(request.dueDate)}
      {request.overdue && <OverdueTag />}
    </span>
  );
}

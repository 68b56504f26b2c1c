import { Tag, Tooltip } from 'antd';
import { APPLICATION_STATUS_COLORS, applicationStatusLabel, CARD_STATUS_COLORS, cardStatusLabel, type ApplicationStatus, type CardStatus } from './cardLabels';

export function ApplicationStatusTag({ status, large }: { status: ApplicationStatus; large?: boolean }) {
  return (
    <Tag color={APPLICATION_STATUS_COLORS[status]} className={large ? 'cards-tag-large' : undefined} data-testid="application-status">
      {applicationStatusLabel(status)}
    </Tag>
  );
}

/** The card's status; the reason (why it was suspended or revoked) on hover. */
export function CardStatusTag({ status, reason, large }: { status: CardStatus; reason?: string | null; large?: boolean }) {
  const tag = (
    <Tag color={CARD_STATUS_COLORS[status]} className={large ? 'cards-tag-large' : undefined} data-testid="card-status">
      {cardStatusLabel(status)}
    </Tag>
  );
  return reason && !large ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}

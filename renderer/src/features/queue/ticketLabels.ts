import type { PRIORITY_REASONS, TICKET_CLASSES } from '../../../../shared/contract/queue';
import { t } from '../../i18n';

type TicketClass = (typeof TICKET_CLASSES)[number];
type PriorityReason = (typeof PRIORITY_REASONS)[number];

export function reasonLabel(reason: PriorityReason): string {
  return t(`queueTicket.reason.${reason}`);
}

/** 预约 / 优先·老年人 / 普通 */
export function classLabel(ticketClass: TicketClass, reason: PriorityReason | null): string {
  if (ticketClass === 'priority' && reason) return t('queueTicket.priorityWith', { reason: reasonLabel(reason) });
  return t(`queueTicket.class.${ticketClass}`);
}

export const CLASS_COLOR: Record<TicketClass, string> = { appointment: 'blue', priority: 'orange', ordinary: 'default' };

/** How long since `from`, in whole minutes as staff say it. */
export function minutesText(from: number, to: number): string {
  const minutes = Math.floor(Math.max(0, to - from) / 60_000);
  return minutes < 1 ? t('queueTicket.lessThanMinute') : t('queueTicket.minutes', { minutes });
}

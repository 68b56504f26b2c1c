import type { IssuedTicket } from '../../../../shared/contract';
import { chineseDateTime } from '../../components/format';
import { t } from '../../i18n';
import { reasonLabel } from './ticketLabels';
import './ticketSlip.css';

/** The 80 mm thermal slip: centre, the number big, service, people ahead, when, and what to do next. */
export function TicketSlip({ issued }: { issued: IssuedTicket }) {
  const { ticket } = issued;
  return (
    <div className="ticket-slip">
      <div className="ticket-slip-centre">{issued.centreName}</div>
      <div className="ticket-slip-label">{t('kioskPage.yourNumber')}</div>
      <div className="ticket-slip-number">{ticket.number}</div>
      <div className="ticket-slip-line">{t('ticketSlip.service', { service: ticket.serviceName })}</div>
      {ticket.priorityReason && <div className="ticket-slip-line">{t('ticketSlip.priority', { reason: reasonLabel(ticket.priorityReason) })}</div>}
      <div className="ticket-slip-line">{t('ticketSlip.ahead', { count: issued.ahead })}</div>
      <div className="ticket-slip-small">{t('ticketSlip.issuedAt', { time: chineseDateTime(ticket.issuedAt) })}</div>
      <div className="ticket-slip-notice">{t('ticketSlip.notice')}</div>
    </div>
  );
}

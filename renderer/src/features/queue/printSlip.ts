import { createElement } from 'react';
import { printElement } from '../../components/printElement';
import type { IssuedTicket } from '../../../../shared/contract';
import { TicketSlip } from './TicketSlip';

const SLIP_ID = 'lianxin-slip';

/**
 * Only while the slip prints: an 80 mm page, and everything but the slip hidden. Added and removed
 * around each print so other printouts (the card face, lists) keep their own page size.
 */
const PRINT_CSS = `
@page { size: 80mm auto; margin: 3mm 4mm; }
@media print {
  body > :not(#${SLIP_ID}) { display: none !important; }
  #${SLIP_ID} { display: block !important; }
}`;

/**
 * Prints one slip. In the desktop app straight to the slip printer when one is set (no dialog),
 * else through the print dialog; in a browser always the dialog (window.print). Resolves when the
 * print has been handed over; a failed print never loses the ticket, which is already issued.
 */
export async function printSlip(issued: IssuedTicket, slipPrinter: string): Promise<void> {
  await printElement(createElement(TicketSlip, { issued }), { hostId: SLIP_ID, css: PRINT_CSS, printer: slipPrinter }).catch(() => {
    /* the number is issued and shown on screen; a printer problem must not hide it */
  });
}

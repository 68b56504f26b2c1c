import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
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
  document.getElementById(SLIP_ID)?.remove();
  const host = document.createElement('div');
  host.id = SLIP_ID;
  const style = document.createElement('style');
  style.textContent = PRINT_CSS;
  document.body.append(host);
  document.head.append(style);
  const root = createRoot(host);
  flushSync(() => root.render(createElement(TicketSlip, { issued })));
  try {
    const printer = slipPrinter.trim();
    if (window.lianxin?.print) await window.lianxin.print(printer ? { silent: true, deviceName: printer } : { silent: false });
    else window.print();
  } catch {
    /* the number is issued and shown on screen; a printer problem must not hide it */
  } finally {
    root.unmount();
    host.remove();
    style.remove();
  }
}

import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Output } from '../../../../shared/contract';
import { chineseDateTime } from '../../components/format';
import { DayPlanSheet } from './DayPlanSheet';

const SHEET_ID = 'lianxin-home-visit-sheet';

/** Only while the sheet prints: A4 portrait and nothing but the sheet (the slip printer's page size stays its own). */
const PRINT_CSS = `
@page { size: A4 portrait; margin: 12mm 10mm; }
@media print {
  body > :not(#${SHEET_ID}) { display: none !important; }
  #${SHEET_ID} { display: block !important; }
}
@media screen { #${SHEET_ID} { display: none; } }`;

/**
 * Prints the day plan on the office printer through the print dialog (A4 is not the slip printer),
 * as printSlip does for tickets: mounted for this print only, then removed.
 */
export async function printDayPlan(day: string, plans: Output<'homeVisits.dayPlan'>): Promise<void> {
  document.getElementById(SHEET_ID)?.remove();
  const host = document.createElement('div');
  host.id = SHEET_ID;
  const style = document.createElement('style');
  style.textContent = PRINT_CSS;
  document.body.append(host);
  document.head.append(style);
  const root = createRoot(host);
  flushSync(() => root.render(createElement(DayPlanSheet, { day, plans, printedAt: chineseDateTime(Date.now()) })));
  try {
    if (window.lianxin?.print) await window.lianxin.print({ silent: false });
    else window.print();
  } catch {
    /* nothing is lost: the plan is on screen and can be printed again */
  } finally {
    root.unmount();
    host.remove();
    style.remove();
  }
}

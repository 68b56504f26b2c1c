import { createElement } from 'react';
import { printElement } from '../../components/printElement';
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
  await printElement(createElement(DayPlanSheet, { day, plans, printedAt: chineseDateTime(Date.now()) }), { hostId: SHEET_ID, css: PRINT_CSS }).catch(() => {
    /* nothing is lost: the plan is on screen and can be printed again */
  });
}

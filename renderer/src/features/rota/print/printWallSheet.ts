import { createElement, Fragment } from 'react';
import { printElement } from '../../../components/printElement';
import type { WeekPlan } from '../rotaWords';
import { WallSheet } from './WallSheet';

const HOST_ID = 'lianxin-wall-sheet';

/**
 * Only while the sheet prints: landscape A4 pages, one station a page, everything else hidden. Added
 * and removed around each print, like the ticket slip and the card face, so their pages stay theirs.
 */
const PRINT_CSS = `
@page { size: A4 landscape; margin: 8mm; }
@media print {
  html, body { background: #fff !important; }
  body > :not(#${HOST_ID}) { display: none !important; }
  #${HOST_ID} { display: block !important; }
  #${HOST_ID} .wall-sheet { page-break-after: always; break-after: page; }
  #${HOST_ID} .wall-sheet:last-child { page-break-after: auto; break-after: auto; }
}`;

/** Prints the wall sheets of the given stations of a week (through the print dialog: the office printer). */
export async function printWallSheet(plan: WeekPlan, stationIds: string[]): Promise<void> {
  const stations = plan.stations.filter((s) => stationIds.includes(s.stationId) && s.shifts.length > 0);
  await printElement(createElement(Fragment, null, ...stations.map((station) => createElement(WallSheet, { key: station.stationId, plan, station }))), {
    hostId: HOST_ID,
    css: PRINT_CSS,
    className: 'wall-print',
  });
}

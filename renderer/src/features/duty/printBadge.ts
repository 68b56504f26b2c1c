import { createElement } from 'react';
import { printElement } from '../../components/printElement';
import { BadgeFace, type BadgeData } from './BadgeFace';

const HOST_ID = 'lianxin-badge';

/** Only while the badge prints: a card-size page and nothing else on it. */
const PRINT_CSS = `
@page { size: 85.6mm 54mm; margin: 0; }
@media print {
  html, body { margin: 0 !important; padding: 0 !important; background: #fff !important; }
  body > :not(#${HOST_ID}) { display: none !important; }
  #${HOST_ID} { display: block !important; }
}`;

/** Prints one badge through the print dialog (the card printer is chosen there). */
export async function printBadge(badge: BadgeData): Promise<void> {
  await printElement(createElement(BadgeFace, { badge }), { hostId: HOST_ID, css: PRINT_CSS });
}

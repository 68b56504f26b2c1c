import { createElement } from 'react';
import { printElement } from '../../../components/printElement';
import type { CardFace as Face } from '../../../../../shared/contract/cards';
import { CardFace } from './CardFace';

const HOST_ID = 'lianxin-card-face';

/**
 * Only while the card prints: a page of exactly the card's size with no margin, and everything but
 * the card hidden. Added and removed around each print, so the slip and the lists keep their own pages.
 */
const PRINT_CSS = `
@page { size: 85.6mm 54mm; margin: 0; }
@media print {
  html, body { margin: 0 !important; padding: 0 !important; background: #fff !important; }
  body > :not(#${HOST_ID}) { display: none !important; }
  #${HOST_ID} { display: block !important; }
}`;

/**
 * Prints one card face: in the desktop app through the print dialog (the card printer is chosen
 * there, its card size set by the page above), in a browser through window.print().
 */
export async function printCardFace(face: Face): Promise<void> {
  await printElement(createElement(CardFace, { face }), { hostId: HOST_ID, css: PRINT_CSS });
}

import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
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
  document.getElementById(HOST_ID)?.remove();
  const host = document.createElement('div');
  host.id = HOST_ID;
  const style = document.createElement('style');
  style.textContent = PRINT_CSS;
  document.body.append(host);
  document.head.append(style);
  const root = createRoot(host);
  flushSync(() => root.render(createElement(BadgeFace, { badge })));
  try {
    if (window.lianxin?.print) await window.lianxin.print({ silent: false });
    else window.print();
  } finally {
    root.unmount();
    host.remove();
    style.remove();
  }
}

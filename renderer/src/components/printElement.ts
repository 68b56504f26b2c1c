import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

/**
 * Prints one React element alone: it is mounted in `#hostId` for this print only, with the caller's
 * print stylesheet (its @page size, everything but the host hidden), and both are removed after, so
 * every printout keeps its own page size. In the desktop app a named printer prints without a dialog,
 * otherwise the print dialog opens (window.print in a browser). A printer problem is thrown to the caller.
 */
export async function printElement(element: ReactElement, o: { hostId: string; css: string; className?: string; printer?: string }): Promise<void> {
  document.getElementById(o.hostId)?.remove();
  const host = document.createElement('div');
  host.id = o.hostId;
  if (o.className) host.className = o.className;
  const style = document.createElement('style');
  style.textContent = o.css;
  document.head.append(style);
  document.body.append(host);
  const root = createRoot(host);
  flushSync(() => root.render(element));
  try {
    const printer = o.printer?.trim() ?? '';
    if (window.lianxin?.print) await window.lianxin.print(printer ? { silent: true, deviceName: printer } : { silent: false });
    else window.print();
  } finally {
    root.unmount();
    host.remove();
    style.remove();
  }
}

/** The plain print stylesheet: the host hidden on screen; in print, a page of `page` (an @page body) with the host alone on it. */
export function hostOnlyCss(hostId: string, page: string): string {
  return `
#${hostId} { display: none; }
@page { ${page} }
@media print {
  body > :not(#${hostId}) { display: none !important; }
  #${hostId} { display: block !important; }
}`;
}

import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

/**
 * Prints one React element alone on a page of the given size: it is mounted for this print only
 * and everything else is hidden. In the desktop app a named printer prints without a dialog; in a
 * browser the print dialog opens (window.print). A printer problem never throws: what was saved stays.
 */
export async function printElement(element: ReactElement, o: { hostId: string; page: string; printer?: string }): Promise<void> {
  document.getElementById(o.hostId)?.remove();
  const host = document.createElement('div');
  host.id = o.hostId;
  const style = document.createElement('style');
  style.textContent = `
#${o.hostId} { display: none; }
@page { ${o.page} }
@media print {
  body > :not(#${o.hostId}) { display: none !important; }
  #${o.hostId} { display: block !important; }
}`;
  document.head.append(style);
  document.body.append(host);
  const root = createRoot(host);
  flushSync(() => root.render(element));
  try {
    const printer = o.printer?.trim() ?? '';
    if (window.lianxin?.print) await window.lianxin.print(printer ? { silent: true, deviceName: printer } : { silent: false });
    else window.print();
  } catch {
    /* the record is saved and shown on screen; the worker can print again */
  } finally {
    root.unmount();
    host.remove();
    style.remove();
  }
}

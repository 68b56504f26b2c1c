import { useEffect, useRef } from 'react';
import { createScannerWedge, DEFAULT_WEDGE } from '../till/scannerWedge';

/**
 * A badge scanned anywhere on the page (a USB scanner types 'LXS1:…' + Enter): its keys never
 * reach a field, and `onScan` gets the code. Off while `enabled` is false (the PIN pad is open).
 */
export function useBadgeScanner(onScan: (code: string) => void, enabled = true): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  }, [onScan]);
  useEffect(() => {
    if (!enabled) return;
    const wedge = createScannerWedge<null>({ ...DEFAULT_WEDGE, marker: 'LXS1:' });
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const step = wedge.feed({ key: e.key, time: e.timeStamp, command: e.ctrlKey || e.altKey || e.metaKey }, null);
      if (!step) return;
      e.preventDefault();
      if (step.kind === 'swallow') return;
      e.stopPropagation();
      if (/^LXS1:/i.test(step.scan.code)) latest.current(step.scan.code);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}

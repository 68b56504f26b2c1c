import { useEffect, useRef } from 'react';
import { createScannerWedge } from './scannerWedge';

interface FieldBefore {
  field: HTMLInputElement | HTMLTextAreaElement | null;
  value: string;
}

function fieldOf(target: EventTarget | null): HTMLInputElement | HTMLTextAreaElement | null {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target : null;
}

/** Puts a field back as it was, through the native setter and an input event so React's state follows. */
function restore({ field, value }: FieldBefore): void {
  if (!field || field.value === value) return;
  const proto = field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Listens for a USB scanner anywhere on the page (window keydown, capture phase, so it hears the keys
 * before any field does). A card code's keys after its "LX1:" never reach a field; on a scan the
 * Enter goes no further (no form submits the amount), whatever the burst did type into a field is
 * taken out again, and `onScan` gets the code.
 */
export function useScanner(onScan: (code: string) => void, enabled = true): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  }, [onScan]);

  useEffect(() => {
    if (!enabled) return;
    const wedge = createScannerWedge<FieldBefore>();
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const field = fieldOf(e.target);
      const step = wedge.feed({ key: e.key, time: e.timeStamp, command: e.ctrlKey || e.altKey || e.metaKey }, { field, value: field?.value ?? '' });
      if (!step) return;
      e.preventDefault();
      if (step.kind === 'swallow') return;
      e.stopPropagation();
      restore(step.scan.context);
      latest.current(step.scan.code);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}

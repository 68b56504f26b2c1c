/**
 * A USB scanner in keyboard mode ("wedge") types the card code as a burst of keys a few ms apart and
 * ends it with Enter; a person types far slower. This tells the two apart from key events alone.
 *
 * A key more than `maxGapMs` after the one before starts a new burst; at that first key the caller's
 * `context` (for the page: the field the key went to and its value before the key) is kept, so a
 * burst that lands in the amount field mid-typing can be taken out of it again.
 */
export interface WedgeOptions {
  /** The fewest keys before Enter that count as a scan (a card number has 10, a QR code ~150). */
  minLength: number;
  /**
   * The longest pause between two keys of one burst. Scanners send keys 1–20 ms apart; a busy
   * browser may hold one back a little. People do not type eight keys in a row this fast.
   */
  maxGapMs: number;
}

export const DEFAULT_WEDGE: WedgeOptions = { minLength: 8, maxGapMs: 40 };

export interface WedgeKey {
  /** KeyboardEvent.key */
  key: string;
  /** KeyboardEvent.timeStamp (ms). */
  time: number;
  /** Ctrl, Alt or Meta held: a shortcut, never part of a scan. */
  command?: boolean;
}

export interface Scan<C> {
  code: string;
  /** The context given with the burst's first key. */
  context: C;
}

export interface ScannerWedge<C> {
  /** Feeds one keydown; returns the scan when this key is the Enter that ends one. */
  feed(key: WedgeKey, context: C): Scan<C> | null;
}

/** Keys that only change what the next key types (Shift for the ':' of "LX1:", Caps Lock) neither count nor break a burst. */
const MODIFIERS = new Set(['Shift', 'CapsLock']);

export function createScannerWedge<C>(options: WedgeOptions = DEFAULT_WEDGE): ScannerWedge<C> {
  let chars = '';
  let lastTime = -Infinity;
  let first: { context: C } | null = null;

  const reset = () => {
    chars = '';
    first = null;
  };

  return {
    feed({ key, time, command }, context) {
      if (MODIFIERS.has(key)) return null;
      const fast = time - lastTime <= options.maxGapMs;
      lastTime = time;
      if (command) {
        reset();
        return null;
      }
      if (key === 'Enter') {
        const scan = fast && first && chars.length >= options.minLength ? { code: chars, context: first.context } : null;
        reset();
        return scan;
      }
      if (key.length !== 1) {
        // Backspace, Tab, arrows, an IME's "Process": a person at the keyboard.
        reset();
        return null;
      }
      if (!fast) {
        reset();
        first = { context };
      }
      chars += key;
      return null;
    },
  };
}

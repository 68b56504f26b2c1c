/**
 * A USB scanner in keyboard mode ("wedge") types the card code as a burst of keys a few ms apart and
 * ends it with Enter; a person types far slower. This tells the two apart from key events alone.
 *
 * The keys since the last pause are kept, each with the caller's `context` at that key (for the page:
 * the field the key went to and its value before the key). At Enter the scan is the tail of them:
 * - a card code: from the last "LX1:" (every card code starts so). Once "LX1:" has come, the keys
 *   after it are for the code only: they are marked to be swallowed (they never reach a field,
 *   nothing re-renders), so at Enter the code is read whatever its rhythm: its keys are nowhere
 *   else, and a busy PC may deliver a scanner's keys late, in clumps, or pause a burst for a second.
 * - a card number (no "LX1:"): the fast tail, after the leading keys followed by a slow gap (a
 *   person's typing just before the burst); it has at least `minLength` keys, the middle of its gaps
 *   is under `maxGapMs`, and so is the middle of its last three (a person's keys typed after a burst
 *   are not part of it); its Enter comes within `enterGapMs`. One late key does not break a burst, a
 *   person's rhythm does.
 * The scan's context is the one given with its first key, so a burst that landed in the amount field
 * mid-typing can be taken out of it again.
 */
export interface WedgeOptions {
  /** The fewest keys before Enter that count as a scan (a card number has 10, a QR code ~150). */
  minLength: number;
  /** Scanners send keys 1–30 ms apart; people do not keep up eight keys in a row this fast. */
  maxGapMs: number;
  /**
   * A pause this long ends whatever came before. A scanner's own keys never pause, but a busy PC may
   * deliver them in clumps a few hundred ms apart; a person's keys inside it are told apart by rhythm.
   */
  pauseMs: number;
  /** After "LX1:" a pause must be this long to abandon the code (a scanner that sent no Enter). */
  codePauseMs: number;
  /** The Enter a scanner sends comes right after the code; a person's later Enter ends no scan. */
  enterGapMs: number;
  /** What every code starts with: the scan starts at its last occurrence (case-insensitive). */
  marker: string;
}

export const DEFAULT_WEDGE: WedgeOptions = { minLength: 8, maxGapMs: 40, pauseMs: 1_000, codePauseMs: 5_000, enterGapMs: 300, marker: 'LX1:' };

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
  /** The context given with the scan's first key. */
  context: C;
}

/** What to do with a key: the Enter that ends a scan, a key of a code under way (keep it from the field), or nothing. */
export type WedgeStep<C> = { kind: 'scan'; scan: Scan<C> } | { kind: 'swallow' } | null;

export interface ScannerWedge<C> {
  feed(key: WedgeKey, context: C): WedgeStep<C>;
}

/** Keys that only change what the next key types (Shift for the ':' of "LX1:", Caps Lock) neither count nor break a burst. */
const MODIFIERS = new Set(['Shift', 'CapsLock']);
/** Enough for the longest code several times over; a person's long note is cut from the front. */
const MAX_KEYS = 1_000;

interface Typed<C> {
  char: string;
  time: number;
  context: C;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function scanStart<C>(keys: Typed<C>[], options: WedgeOptions): number {
  const text = keys.map((k) => k.char).join('').toUpperCase();
  const marked = text.lastIndexOf(options.marker.toUpperCase());
  if (marked >= 0) return marked;
  let start = 0;
  while (start < keys.length - 1 && keys[start + 1]!.time - keys[start]!.time > options.maxGapMs) start++;
  return start;
}

function scanOf<C>(keys: Typed<C>[], enterTime: number, coding: boolean, options: WedgeOptions): Scan<C> | null {
  const tail = keys.slice(scanStart(keys, options));
  if (coding) return { code: tail.map((k) => k.char).join(''), context: tail[0]!.context };
  if (tail.length < options.minLength || enterTime - tail[tail.length - 1]!.time > options.enterGapMs) return null;
  const times = [...tail.map((k) => k.time), enterTime];
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  if (median(gaps) > options.maxGapMs || median(gaps.slice(-3)) > options.maxGapMs) return null;
  return { code: tail.map((k) => k.char).join(''), context: tail[0]!.context };
}

export function createScannerWedge<C>(options: WedgeOptions = DEFAULT_WEDGE): ScannerWedge<C> {
  const marker = options.marker.toUpperCase();
  let keys: Typed<C>[] = [];
  let recent = '';
  let coding = false;
  let lastTime = -Infinity;
  const reset = () => {
    keys = [];
    recent = '';
    coding = false;
  };

  return {
    feed({ key, time, command }, context) {
      if (MODIFIERS.has(key)) return null;
      const paused = time - lastTime > (coding ? options.codePauseMs : options.pauseMs);
      lastTime = time;
      if (paused) reset();
      if (key === 'Enter') {
        const scan = scanOf(keys, time, coding, options);
        reset();
        return scan ? { kind: 'scan', scan } : null;
      }
      if (command || key.length !== 1) {
        // A shortcut, Backspace, Tab, arrows, an IME's "Process": a person at the keyboard.
        reset();
        return null;
      }
      keys.push({ char: key, time, context });
      if (keys.length > MAX_KEYS) keys.shift();
      recent = (recent + key.toUpperCase()).slice(-marker.length);
      if (recent === marker) coding = true;
      return coding ? { kind: 'swallow' } : null;
    },
  };
}

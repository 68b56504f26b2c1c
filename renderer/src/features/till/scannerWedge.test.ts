import { describe, expect, it } from 'vitest';
import { decodeCardCode, encodeCardCode, packPayload } from '../../../../shared/rules/cardPayload';
import { createScannerWedge, type Scan, type ScannerWedge, type WedgeStep } from './scannerWedge';

/** A whole, well-formed card code (the signature bytes do not matter to the wedge). */
const CODE = encodeCardCode(
  packPayload({
    keyId: 1,
    centreCode: 'XF01',
    cardNo: '1000000018',
    benefit: { kind: 'percent', value: 10 },
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    maskedName: '张*芳',
  }),
  new Uint8Array(64).fill(7),
);

/** A text field the keys land in, the way a browser fills an <input>. */
class Field {
  value = '';
  constructor(readonly wedge: ScannerWedge<string>) {}
  private time = 1_000;
  readonly scans: Scan<string>[] = [];

  /** Keys `gapMs` apart, starting `pauseMs` after the last one. */
  type(keys: string[], gapMs: number, pauseMs = 1_000): void {
    this.time += pauseMs - gapMs;
    for (const key of keys) {
      this.time += gapMs;
      this.take(this.wedge.feed({ key, time: this.time }, this.value), key);
    }
  }

  /** As the page does: a scan is kept, a swallowed key never reaches the field, any other key lands in it. */
  take(step: WedgeStep<string>, key: string): void {
    if (step?.kind === 'scan') this.scans.push(step.scan);
    else if (!step && key.length === 1) this.value += key;
  }
}

const keysOf = (text: string) => [...text];

describe('scanner wedge', () => {
  it('takes a fast burst ending in Enter as a scan', () => {
    const field = new Field(createScannerWedge());
    field.type([...keysOf(CODE), 'Enter'], 4);
    expect(field.scans.map((s) => s.code)).toEqual([CODE]);
    expect(decodeCardCode(field.scans[0]!.code)?.payload.cardNo).toBe('1000000018');
    // after "LX1:" the code's keys are kept out of the field
    expect(field.value).toBe('LX1');
  });

  it('takes a scanned card number (ten digits) as a scan too', () => {
    const field = new Field(createScannerWedge());
    field.type([...keysOf('1000000018'), 'Enter'], 12);
    expect(field.scans.map((s) => s.code)).toEqual(['1000000018']);
  });

  it('leaves a person typing alone, however many keys', () => {
    const field = new Field(createScannerWedge());
    field.type([...keysOf('1000000018'), 'Enter'], 120);
    field.type([...keysOf('35.50'), 'Enter'], 90);
    expect(field.scans).toEqual([]);
    expect(field.value).toBe('100000001835.50');
  });

  it('does not count a short fast run (a person rolling two keys) as a scan', () => {
    const field = new Field(createScannerWedge());
    field.type([...keysOf('1234567'), 'Enter'], 10);
    expect(field.scans).toEqual([]);
  });

  it('takes a burst that lands mid-typing as a scan and gives back the field as it was before the burst', () => {
    const field = new Field(createScannerWedge());
    field.type(keysOf('12'), 150);
    field.type([...keysOf(CODE), 'Enter'], 5, 140);
    expect(field.scans).toHaveLength(1);
    expect(field.scans[0]!.code).toBe(CODE);
    // the keys up to "LX1:" landed in the field, the rest were kept out of it
    expect(field.value).toBe('12LX1');
    // what the page puts back from the scan's context: the amount typed so far
    expect(field.scans[0]!.context).toBe('12');
  });

  it('finds a scanned card number after slow typing too (no LX1: to go by)', () => {
    const field = new Field(createScannerWedge());
    field.type(keysOf('3.5'), 130);
    field.type([...keysOf('1000000018'), 'Enter'], 6, 120);
    expect(field.scans.map((s) => [s.code, s.context])).toEqual([['1000000018', '3.5']]);
  });

  it('keeps a burst whole when the browser holds a key back now and then', () => {
    const field = new Field(createScannerWedge());
    const keys = [...keysOf(CODE), 'Enter'];
    // gaps as measured in a busy Chromium: mostly 12–50 ms, a few keys 100–140 ms late, one right after the first key
    const gaps = keys.map((_, i) => (i === 1 ? 130 : i % 37 === 0 ? 140 : i % 11 === 0 ? 97 : 12 + ((i * 7) % 39)));
    let time = 5_000;
    keys.forEach((key, i) => {
      time += gaps[i]!;
      field.take(field.wedge.feed({ key, time }, ''), key);
    });
    expect(field.scans.map((s) => s.code)).toEqual([CODE]);
  });

  it('does not take a quick typist for a scanner', () => {
    const wedge = createScannerWedge<string>();
    const gaps = [0, 80, 30, 60, 25, 90, 35, 70, 45, 50, 110];
    let time = 10_000;
    const scans = [...'1000000018', 'Enter'].map((key, i) => wedge.feed({ key, time: (time += gaps[i]!) }, ''));
    expect(scans.filter(Boolean)).toEqual([]);
  });

  it('reads a card code at its Enter whatever the rhythm: its keys were kept from the field, so they are nowhere else', () => {
    const field = new Field(createScannerWedge());
    // a scanner set up without Enter, and the cashier presses Enter a moment later
    field.type(keysOf(CODE), 5);
    field.type(['Enter'], 5, 600);
    // a loaded PC: the burst arrives 60 ms a key, with a 2-second stall in the middle
    field.type(keysOf(CODE.slice(0, 40)), 60);
    field.type([...keysOf(CODE.slice(40)), 'Enter'], 60, 2_000);
    expect(field.scans.map((s) => s.code)).toEqual([CODE, CODE]);
    expect(field.value).toBe('LX1LX1');
  });

  it('gives up a card code that never got its Enter, and does not take a person\'s slow card number for a scan', () => {
    const field = new Field(createScannerWedge());
    field.type(keysOf(CODE), 5);
    field.type(['8', '8', 'Enter'], 150, 300);
    // the person's keys went into the code: it reads as the code with "88" on the end (red at the till, never typed into a field)
    expect(field.scans.map((s) => s.code)).toEqual([`${CODE}88`]);
    field.type(keysOf(CODE), 5, 400);
    field.type([...keysOf('1000000018'), 'Enter'], 150, 6_000);
    expect(field.scans).toHaveLength(1);
    expect(field.value).toBe('LX1LX11000000018');
    // …and still reads the next whole scan
    field.type([...keysOf(CODE), 'Enter'], 5, 400);
    expect(field.scans.map((s) => s.code)).toEqual([`${CODE}88`, CODE]);
  });

  it('reads a burst the browser delivered in two clumps a few hundred ms apart', () => {
    const field = new Field(createScannerWedge());
    field.type(keysOf(CODE.slice(0, 23)), 20);
    field.type([...keysOf(CODE.slice(23)), 'Enter'], 20, 380);
    expect(field.scans.map((s) => s.code)).toEqual([CODE]);
  });

  it('is broken by keys a scanner never sends (Backspace, a shortcut)', () => {
    const wedge = createScannerWedge<string>();
    let time = 0;
    const feed = (key: string, command = false) => wedge.feed({ key, time: (time += 5), command }, '');
    for (const k of '10000000') feed(k);
    feed('Backspace');
    for (const k of '18') feed(k);
    expect(feed('Enter')).toBeNull();
    for (const k of '1000000018') feed(k);
    feed('v', true);
    expect(feed('Enter')).toBeNull();
  });

  it('passes a Caps-Lock lowercase code through, with the Shift and Caps Lock keys left out', () => {
    const field = new Field(createScannerWedge());
    const lower = CODE.toLowerCase();
    // Caps Lock on: the scanner holds Shift for the colon only.
    const keys = ['CapsLock', ...[...lower].flatMap((c) => (c === ':' ? ['Shift', ':'] : [c])), 'Enter'];
    field.type(keys, 3);
    expect(field.scans.map((s) => s.code)).toEqual([lower]);
    expect(decodeCardCode(field.scans[0]!.code)?.payload.maskedName).toBe('张*芳');
  });

  it('reads two scans in a row as two', () => {
    const field = new Field(createScannerWedge());
    field.type([...keysOf(CODE), 'Enter'], 4);
    field.type([...keysOf('1000000026'), 'Enter'], 4, 800);
    expect(field.scans.map((s) => s.code)).toEqual([CODE, '1000000026']);
  });
});

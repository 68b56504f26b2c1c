import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallAnnouncer } from './announcer';

/** A speech engine that records what it was asked to say and finishes only when told to. */
class FakeUtterance {
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  voice: unknown = null;
  lang = '';
  rate = 1;
  constructor(readonly text: string) {}
}

let speaking: FakeUtterance[];
let voices: { lang: string; name: string }[];

beforeEach(() => {
  vi.useFakeTimers();
  speaking = [];
  voices = [{ lang: 'zh-CN', name: '普通话' }];
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  vi.stubGlobal('speechSynthesis', { getVoices: () => voices, speak: (u: FakeUtterance) => u.text && speaking.push(u), cancel: () => undefined });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const call = (callId: string, ticketNumber: string, counter: number) => ({ callId, ticketNumber, counter, at: 0 });

/** Lets the announcer's promises and its gap between calls run. */
async function settle() {
  await vi.advanceTimersByTimeAsync(1_000);
}

describe('the hall announcer', () => {
  it('says each call once, in Mandarin words, even when the event comes twice', async () => {
    const a = new CallAnnouncer();
    a.announce(call('c1', 'A012', 2));
    a.announce(call('c1', 'A012', 2));
    await settle();
    expect(speaking.map((u) => u.text)).toEqual(['请 A 零 一 二 号到 2 号窗口办理']);
    expect(speaking[0]!.voice).toBe(voices[0]);
    speaking[0]!.onend?.();
    await settle();
    expect(speaking).toHaveLength(1);
  });

  it('never speaks two calls at once: the next waits for the end of the one before', async () => {
    const a = new CallAnnouncer();
    a.announce(call('c1', 'A001', 1));
    a.announce(call('c2', 'B002', 3));
    await settle();
    expect(speaking.map((u) => u.text)).toEqual(['请 A 零 零 一 号到 1 号窗口办理']);
    speaking[0]!.onend?.();
    await settle();
    expect(speaking.map((u) => u.text)).toEqual(['请 A 零 零 一 号到 1 号窗口办理', '请 B 零 零 二 号到 3 号窗口办理']);
  });

  it('a recall is a new call and is spoken again', async () => {
    const a = new CallAnnouncer();
    a.announce(call('c1', 'A001', 1));
    await settle();
    speaking[0]!.onend?.();
    a.announce(call('c2', 'A001', 1));
    await settle();
    expect(speaking).toHaveLength(2);
  });

  it('an engine that never says it finished does not hold the queue for ever', async () => {
    const a = new CallAnnouncer();
    a.announce(call('c1', 'A001', 1));
    a.announce(call('c2', 'A002', 1));
    await settle();
    expect(speaking).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(13_000);
    expect(speaking).toHaveLength(2);
  });

  it('speaks nothing where there is no Chinese voice (the chime stands in)', async () => {
    voices = [{ lang: 'en-US', name: 'English' }];
    const a = new CallAnnouncer();
    a.announce(call('c1', 'A001', 1));
    await settle();
    expect(speaking).toHaveLength(0);
  });
});

import type { EventPayload } from '../../../../shared/contract';
import { callSentence } from './callPhrase';
import { playChime } from './chime';

type Call = EventPayload<'queue.called'>;

/** Longest a single utterance may hold the queue (some engines never fire `end`). */
const SPEECH_TIMEOUT_MS = 12_000;
/** A breath between two calls so they do not run together. */
const GAP_MS = 500;
/** callIds remembered so a re-sent event is not spoken twice. */
const REMEMBER = 500;

function chineseVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  const voices = speechSynthesis.getVoices();
  return (
    voices.find((v) => /^zh[-_]CN/i.test(v.lang)) ??
    voices.find((v) => /^(zh|cmn)/i.test(v.lang)) ??
    voices.find((v) => /Chinese|Mandarin|中文|普通话/i.test(v.name)) ??
    null
  );
}

/**
 * Speaks each call once, one at a time, in the order they came: a chime, then "请 A 零 一 二 号到
 * 2 号窗口办理" in a Chinese voice; the chime alone where there is none.
 */
export class CallAnnouncer {
  private readonly heard = new Set<string>();
  private readonly queue: Call[] = [];
  private busy = false;
  private audio: AudioContext | null = null;

  constructor() {
    // voices load late in Chromium; asking once starts the loading
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.getVoices();
  }

  /** True when the browser holds sound back until someone touches the page. */
  needsGesture(): boolean {
    return this.context()?.state === 'suspended';
  }

  /** Called from a click: lets sound and speech play from now on. */
  unlock(): void {
    void this.context()?.resume();
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.speak(new SpeechSynthesisUtterance(''));
  }

  announce(call: Call): void {
    if (this.heard.has(call.callId)) return;
    this.heard.add(call.callId);
    if (this.heard.size > REMEMBER) this.heard.delete(this.heard.values().next().value!);
    this.queue.push(call);
    this.next();
  }

  dispose(): void {
    this.queue.length = 0;
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
    void this.audio?.close();
    this.audio = null;
  }

  private context(): AudioContext | null {
    if ((!this.audio || this.audio.state === 'closed') && typeof AudioContext !== 'undefined') this.audio = new AudioContext();
    return this.audio;
  }

  private next(): void {
    if (this.busy) return;
    const call = this.queue.shift();
    if (!call) return;
    this.busy = true;
    void this.say(call).finally(() =>
      setTimeout(() => {
        this.busy = false;
        this.next();
      }, GAP_MS),
    );
  }

  private async say(call: Call): Promise<void> {
    const ctx = this.context();
    if (ctx && ctx.state !== 'closed') await playChime(ctx).catch(() => undefined);
    const voice = chineseVoice();
    if (!voice) return;
    await new Promise<void>((resolve) => {
      const utterance = new SpeechSynthesisUtterance(callSentence(call.ticketNumber, call.counter));
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.85;
      const timer = setTimeout(resolve, SPEECH_TIMEOUT_MS);
      utterance.onend = utterance.onerror = () => {
        clearTimeout(timer);
        resolve();
      };
      speechSynthesis.speak(utterance);
    });
  }
}

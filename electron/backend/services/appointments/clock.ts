import { shanghaiDate } from '../../../../shared/rules/time';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** Today in Shanghai and the minute of the day now: what "past" and "started" are measured against. */
export function localNow(now: number): { today: string; minute: number } {
  return { today: shanghaiDate(now), minute: Math.floor(((now + SHANGHAI_OFFSET_MS) % DAY_MS) / 60_000) };
}

/** The instant (epoch ms) of a local minute on a local day. */
export function instantOf(day: string, minute: number): number {
  return Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS + minute * 60_000;
}

/** Has the local time (day, minute) been reached at `now`? */
export function reached(now: number, day: string, minute: number): boolean {
  return now >= instantOf(day, minute);
}

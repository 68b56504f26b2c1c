/** 570 → '09:30': minutes since local midnight as the clock shows them. */
export function minuteToTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** '09:30' → 570; null when it is not a time of day. */
export function timeToMinute(time: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

export interface TimeSpan {
  startMinute: number;
  durationMinutes: number;
}

/** Two visits overlap when one starts before the other ends; back to back (10:00–10:30, 10:30–11:00) is fine. */
export function spansOverlap(a: TimeSpan, b: TimeSpan): boolean {
  return a.startMinute < b.startMinute + b.durationMinutes && b.startMinute < a.startMinute + a.durationMinutes;
}

/** '09:30–10:15' */
export function spanLabel(s: TimeSpan): string {
  return `${minuteToTime(s.startMinute)}–${minuteToTime(s.startMinute + s.durationMinutes)}`;
}

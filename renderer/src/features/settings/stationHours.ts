import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { openingHours } from '../../../../shared/contract';
import { WEEKDAY_LABELS, WEEKDAYS, type Weekday } from './labels';

export type OpeningHours = z.infer<typeof openingHours>;

/** One weekday as the form edits it. */
export interface DayForm {
  open: boolean;
  from?: Dayjs | null;
  to?: Dayjs | null;
}
export type DaysForm = Record<Weekday, DayForm>;

const at = (hhmm: string): Dayjs => dayjs(`2000-01-01T${hhmm}:00`);

/** Stations in the network are open 08:00–21:00 (SPEC §1); a new one starts with that every day. */
export function defaultDays(): DaysForm {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, { open: true, from: at('08:00'), to: at('21:00') }])) as DaysForm;
}

export function daysFromHours(hours: OpeningHours): DaysForm {
  return Object.fromEntries(
    WEEKDAYS.map((d) => {
      const h = (hours as Partial<OpeningHours>)[d];
      return [d, h ? { open: true, from: at(h.open), to: at(h.close) } : { open: false, from: at('08:00'), to: at('21:00') }];
    }),
  ) as DaysForm;
}

/** Open days only: a day left out is closed. */
export function hoursFromDays(days: DaysForm): OpeningHours {
  const out: Partial<Record<Weekday, { open: string; close: string }>> = {};
  for (const d of WEEKDAYS) {
    const day = days[d];
    if (day?.open && day.from && day.to) out[d] = { open: day.from.format('HH:mm'), close: day.to.format('HH:mm') };
  }
  return out as OpeningHours;
}

/** "周一至周五 08:00–21:00；周六、周日 09:00–17:00" — consecutive days with the same hours together. */
export function summariseHours(hours: OpeningHours): string {
  const groups: { days: Weekday[]; text: string }[] = [];
  for (const d of WEEKDAYS) {
    const h = (hours as Partial<OpeningHours>)[d];
    const text = h ? `${h.open}–${h.close}` : '休息';
    const last = groups[groups.length - 1];
    if (last && last.text === text) last.days.push(d);
    else groups.push({ days: [d], text });
  }
  if (groups.length === 1 && groups[0]!.text !== '休息') return `每天 ${groups[0]!.text}`;
  return groups
    .map((g) => {
      const first = WEEKDAY_LABELS[g.days[0]!];
      const last = WEEKDAY_LABELS[g.days[g.days.length - 1]!];
      const span = g.days.length === 1 ? first : g.days.length === 2 ? `${first}、${last}` : `${first}至${last}`;
      return `${span} ${g.text}`;
    })
    .join('；');
}

import dayjs from 'dayjs';

export const PRESETS = ['today', 'week', 'month', 'lastMonth', 'year', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export interface Period {
  from: string;
  to: string;
}

const F = 'YYYY-MM-DD';

/** The dates of a preset around `today` (YYYY-MM-DD in Shanghai); weeks start on Monday. */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today: string): Period {
  const d = dayjs(today);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'week':
      return { from: d.subtract((d.day() + 6) % 7, 'day').format(F), to: today };
    case 'month':
      return { from: d.startOf('month').format(F), to: today };
    case 'lastMonth': {
      const last = d.subtract(1, 'month');
      return { from: last.startOf('month').format(F), to: last.endOf('month').format(F) };
    }
    case 'year':
      return { from: d.startOf('year').format(F), to: today };
  }
}

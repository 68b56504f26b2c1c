import chineseDays from 'chinese-days/dist/chinese-days.json';
import { test } from '@playwright/test';

/**
 * The web host runs on the real clock, so a journey that books "today" or plans "next Saturday" cannot
 * run on every date. These skip such a test, with the reason printed, on the few dates it cannot run
 * (a public holiday of the bundled calendar, the last hours of a Shanghai day) instead of failing.
 */
const HOLIDAYS = (chineseDays as { holidays: Record<string, string> }).holidays;

export function skipOnHoliday(date: string, what: string): void {
  test.skip(date in HOLIDAYS, `${what} (${date}) is a public holiday: the stations are closed`);
}

export function skipLateInTheDay(lastHour: number): void {
  const hour = new Date(Date.now() + 8 * 3600_000).getUTCHours();
  test.skip(hour >= lastHour, `after ${lastHour}:00 Shanghai time today has too few slots left to book and come back to`);
}

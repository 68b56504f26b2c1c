/** The counter (窗口) this PC works at, as the counter page keeps it. */
export const COUNTER_KEY = 'lianxin.counter';

export function storedCounter(): number | null {
  try {
    const n = Number.parseInt(localStorage.getItem(COUNTER_KEY) ?? '', 10);
    return Number.isInteger(n) && n >= 1 && n <= 99 ? n : null;
  } catch {
    return null;
  }
}

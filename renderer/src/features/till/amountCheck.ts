import { parseYuan } from '../../../../shared/rules/money';

export type AmountProblem = 'required' | 'zero' | 'negative' | 'format' | 'tooLarge';
export type AmountCheck = { ok: true; fen: number } | { ok: false; problem: AmountProblem };

/** Full-width digits and the full-width point, as a Chinese input method types them, read as ASCII. */
function halfWidth(text: string): string {
  return text.replace(/[０-９．，￥]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/。/g, '.');
}

/** An amount typed in yuan at the till: fen, or what is wrong with it. */
export function checkAmount(text: string, maxFen: number): AmountCheck {
  const s = halfWidth(text).trim();
  if (s === '') return { ok: false, problem: 'required' };
  if (/^[-－−]/.test(s)) return { ok: false, problem: 'negative' };
  const fen = parseYuan(s);
  if (fen === null) return { ok: false, problem: 'format' };
  if (fen === 0) return { ok: false, problem: 'zero' };
  if (fen > maxFen) return { ok: false, problem: 'tooLarge' };
  return { ok: true, fen };
}

/** Problems worth showing while the cashier is still typing ("0" on the way to "0.50" is not one). */
export function showWhileTyping(problem: AmountProblem): boolean {
  return problem === 'negative' || problem === 'format' || problem === 'tooLarge';
}

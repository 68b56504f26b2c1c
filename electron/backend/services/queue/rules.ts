import type { QueueRules } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { setSetting } from '../centre/settings';
import { stmt } from './statements';

export const RULES_KEY = 'queue.rules';

export const DEFAULT_RULES: QueueRules = { counterCount: 3, priorityRun: 2, agingMinutes: 30, elderlyAge: 70, slipPrinter: '' };

/** The stored rules over the defaults, so a rule added later has a value in old databases. */
export function getRules(db: Db): QueueRules {
  const row = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(RULES_KEY) as { value: string } | undefined;
  return { ...DEFAULT_RULES, ...(row ? (JSON.parse(row.value) as Partial<QueueRules>) : {}) };
}

export function setRules(db: Db, rules: QueueRules): void {
  setSetting(db, RULES_KEY, rules);
}

import type { ParsedInput } from '../../../shared/contract';
import { shanghaiDate } from '../../../shared/rules/time';
import type { Db } from '../db/open';
import { buildCardsWorkbook } from '../services/cards/exportCards';
import { buildFiguresWorkbook } from '../services/figures/exportFigures';
import { computeFigures } from '../services/figures/figures';
import { buildRequestsWorkbook } from '../services/requests/exportRequests';
import { listRequests } from '../services/requests/queries';
import { listPurchases } from '../services/partners/purchaseList';
import { cardMonthReport } from '../services/partners/reports';
import { buildCardReportWorkbook } from '../services/partners/reportWorkbook';
import { verifyAuditChain } from '../services/audit/chain';
import { makeBackupFile, type MakeJob } from '../services/backup/make';

/**
 * The reads that scan years of records (figures, the request list over a million rows, their
 * workbooks). They run on the read worker's own read-only connection, so the desk's writes and the
 * window's other calls are not held up behind them. Each is a pure function of the database, the
 * input and the moment, and reads everything it needs before its first await: the worker's snapshot
 * (snapshot.ts) covers that synchronous part only.
 */
export const READ_TASKS = {
  'figures.get': (db: Db, input: ParsedInput<'figures.get'>, now: number) => computeFigures(db, input.from, input.to, now),
  'figures.export': (db: Db, input: ParsedInput<'figures.export'>, now: number) => buildFiguresWorkbook(db, input.from, input.to, now),
  'requests.list': (db: Db, input: ParsedInput<'requests.list'>, now: number) => listRequests(db, input, shanghaiDate(now)),
  'requests.export': (db: Db, input: ParsedInput<'requests.export'>, now: number) => buildRequestsWorkbook(db, input, now),
  'cards.export': (db: Db, input: ParsedInput<'cards.export'>, now: number) => buildCardsWorkbook(db, input, now),
  'cardReports.month': (db: Db, input: ParsedInput<'cardReports.month'>, now: number) => cardMonthReport(db, input.month, now),
  'cardReports.purchases': (db: Db, input: ParsedInput<'cardReports.purchases'>) => listPurchases(db, input),
  'cardReports.export': (db: Db, input: ParsedInput<'cardReports.export'>, now: number) => buildCardReportWorkbook(db, input, now),
  /** The audit log's hash chain, every row hashed again (seconds on years of a busy centre's log). */
  'audit.verifyChain': (db: Db, _input: Record<string, never>) => verifyAuditChain(db),
  /** A backup file of this database: copied, proven whole, hashed, written (minutes on years of data), never on the main thread. */
  'backup.make': (_db: Db, job: MakeJob) => makeBackupFile(job),
};

export type ReadTask = keyof typeof READ_TASKS;
export type ReadInput<T extends ReadTask> = Parameters<(typeof READ_TASKS)[T]>[1];
export type ReadOutput<T extends ReadTask> = Awaited<ReturnType<(typeof READ_TASKS)[T]>>;

import type { Output, ParsedInput } from '../../../../shared/contract';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { writeAudit } from '../audit/audit';
import { newWorkbook } from '../excel/module';
import { addTableSheet, workbookToBase64, type TableColumn } from '../excel/write';
import { fileNameSafe } from './fileName';
import { findPartnerRow } from './partners';
import { purchaseRows } from './purchaseList';
import { householdMonthRows, partnerMonthRows } from './reports';

/** Money in 元 as a number with two decimals (Excel can add it up); the database keeps fen. */
const YUAN = '0.00';
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

/**
 * Text that a spreadsheet could take for a formula (=, +, -, @, or a tab/return first) gets a leading
 * apostrophe: a shop name like "=HYPERLINK(…)" stays text in every program the file is opened in.
 */
export function safeText(s: string | null): string | null {
  if (s === null) return null;
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const at = (ms: number) => {
  const d = new Date(ms + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)}`;
};

type PartnerRow = ReturnType<typeof partnerMonthRows>[number];
type HouseholdRow = ReturnType<typeof householdMonthRows>[number];
type DetailRow = ReturnType<typeof purchaseRows>[number];

const partnerColumns: TableColumn<PartnerRow>[] = [
  { header: '商户', width: 28, value: (r) => safeText(r.partnerName) },
  { header: '消费笔数', width: 10, value: (r) => r.purchases },
  { header: '撤销笔数', width: 10, value: (r) => r.voided },
  { header: '持卡户数', width: 10, value: (r) => r.cards },
  { header: '消费金额（元）', width: 16, numFmt: YUAN, value: (r) => yuan(r.amountFen) },
  { header: '优惠金额（元）', width: 16, numFmt: YUAN, value: (r) => yuan(r.discountFen) },
  { header: '实付金额（元）', width: 16, numFmt: YUAN, value: (r) => yuan(r.payFen) },
];

const householdColumns: TableColumn<HouseholdRow>[] = [
  { header: '户主', width: 14, value: (r) => safeText(r.headName) },
  { header: '卡号', width: 14, value: (r) => r.cardNo },
  { header: '消费笔数', width: 10, value: (r) => r.purchases },
  { header: '消费金额（元）', width: 16, numFmt: YUAN, value: (r) => yuan(r.amountFen) },
  { header: '优惠金额（元）', width: 16, numFmt: YUAN, value: (r) => yuan(r.discountFen) },
  { header: '每月限额（元）', width: 16, numFmt: YUAN, value: (r) => yuan(r.capFen) },
];

const detailColumns: TableColumn<DetailRow>[] = [
  { header: '时间', width: 20, value: (r) => at(r.at) },
  { header: '商户', width: 24, value: (r) => safeText(r.partnerName) },
  { header: '卡号', width: 14, value: (r) => r.cardNo },
  { header: '持卡人', width: 12, value: (r) => safeText(r.holderName) },
  { header: '消费金额（元）', width: 16, numFmt: YUAN, value: (r) => yuan(r.amountFen) },
  { header: '优惠金额（元）', width: 16, numFmt: YUAN, value: (r) => yuan(r.discountFen) },
  { header: '实付金额（元）', width: 16, numFmt: YUAN, value: (r) => yuan(r.payFen) },
  { header: '收银员', width: 12, value: (r) => safeText(r.tillUserName) },
  { header: '状态', width: 8, value: (r) => (r.voided ? '已撤销' : '有效') },
  { header: '撤销原因', width: 24, value: (r) => safeText(r.voidReason) },
];

/**
 * The month for the subsidy reconciliation (补贴核对): 按商户, 按户 (every card with spending, not only
 * the first 200 the screen shows), 明细 (each purchase, voided ones marked). Read-only; runs on the read
 * worker; the handler audits.
 */
export async function buildCardReportWorkbook(db: Db, input: ParsedInput<'cardReports.export'>, now: number): Promise<Output<'cardReports.export'>> {
  const { month, partnerId } = input;
  const partners = partnerMonthRows(db, month, partnerId);
  const households = householdMonthRows(db, month, partnerId);
  const details = purchaseRows(db, { month, partnerId }).reverse();
  // Everything is read before the first await (the worker's snapshot covers the synchronous part).
  const shop = partnerId ? `-${fileNameSafe(findPartnerRow(db, partnerId)?.name ?? '商户')}` : '';
  const wb = await newWorkbook();
  wb.creator = '连心前台';
  wb.created = new Date(now);
  addTableSheet(wb, '按商户', partnerColumns, partners);
  addTableSheet(wb, '按户', householdColumns, households);
  addTableSheet(wb, '明细', detailColumns, details);
  return { fileName: `爱心卡月报-${month}${shop}.xlsx`, base64: await workbookToBase64(wb), rows: details.length };
}

export function auditCardReportExport(db: Db, user: SessionUser, now: number, input: ParsedInput<'cardReports.export'>, rows: number): void {
  writeAudit(db, user, now, { action: 'cardReports.export', targetType: 'cardReports', detail: { month: input.month, partnerId: input.partnerId ?? null, rows } });
}

import { formatCardNumber } from '../../../../shared/rules/cardNumber';
import { formatChineseDate, shanghaiDate } from '../../../../shared/rules/time';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { writeAudit } from '../audit/audit';
import { newWorkbook } from '../excel/module';
import { addTableSheet, isoDateCell, workbookToBase64, type TableColumn } from '../excel/write';
import { allMatchingCards, type CardFilter } from './cardQueries';
import { effectiveStatus, type CardRow } from './rows';

export const CARD_STATUS_WORDS = { active: '有效', expired: '已过期', suspended: '已暂停', revoked: '已注销', replaced: '已补卡作废' } as const;

export const LIST_WORDS = { all: '全部', active: '有效', suspended: '已暂停', revoked: '已注销', expired: '已过期', replaced: '已补卡', reviewDue: '待年审' } as const;

export function benefitWords(kind: 'percent' | 'cost', value: number): string {
  if (kind === 'cost') return '成本价';
  // 10% off → 九折, 15% off → 八五折.
  const rest = 100 - value;
  if (rest < 10) return `${rest / 10}折`;
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const tens = digits[Math.floor(rest / 10)]!;
  return rest % 10 === 0 ? `${tens}折` : `${tens}${digits[rest % 10]!}折`;
}

/** No ID numbers or phones: an export leaves the building on a USB stick (SPEC §8). */
function columns(today: string): TableColumn<CardRow>[] {
  return [
    { header: '卡号', width: 16, value: (r) => formatCardNumber(r.card_no) },
    { header: '持卡人', width: 12, value: (r) => r.holder_name },
    { header: '优惠', width: 10, value: (r) => benefitWords(r.benefit_kind, r.benefit_value) },
    { header: '每月优惠限额（元）', width: 18, numFmt: '#,##0.00', value: (r) => (r.monthly_cap_fen === null ? '不限' : r.monthly_cap_fen / 100) },
    { header: '送货上门', width: 10, value: (r) => (r.delivery === 1 ? '是' : '否') },
    { header: '有效期起', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => isoDateCell(r.valid_from) },
    { header: '有效期至', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => isoDateCell(r.valid_to) },
    { header: '状态', width: 12, value: (r) => CARD_STATUS_WORDS[effectiveStatus(r, today)] },
    { header: '原因', width: 30, value: (r) => r.status_reason },
  ];
}

/** Read-only (it runs on the read worker); the handler audits the export with auditCardsExport. */
export async function buildCardsWorkbook(db: Db, filter: CardFilter, now: number): Promise<{ fileName: string; base64: string; rows: number }> {
  const today = shanghaiDate(now);
  const rows = allMatchingCards(db, filter, today);
  const wb = await newWorkbook();
  wb.creator = '连心前台';
  wb.created = new Date(now);
  addTableSheet(wb, '爱心卡', columns(today), rows);
  const base64 = await workbookToBase64(wb);
  return { fileName: `爱心卡-${LIST_WORDS[filter.list]}-${formatChineseDate(today)}.xlsx`, base64, rows: rows.length };
}

export function auditCardsExport(db: Db, user: Pick<SessionUser, 'userId' | 'username'>, now: number, filter: CardFilter, rows: number): void {
  writeAudit(db, user, now, { action: 'card.export', targetType: 'card', detail: { rows, filter: { ...filter } } });
}

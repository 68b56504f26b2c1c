import { maskPhone } from '../../../../shared/rules/mask';
import { formatChineseDate, shanghaiDate } from '../../../../shared/rules/time';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { writeAudit } from '../audit/audit';
import { newWorkbook } from '../excel/module';
import { addTableSheet, isoDateCell, workbookToBase64, type TableColumn } from '../excel/write';
import { CHANNEL_WORDS, MODE_WORDS, SATISFACTION_WORDS, STATUS_WORDS } from './labels';
import { allMatchingRequests, type ExportRow, type RequestFilter } from './queries';
import { isOverdue } from './rows';

type Row = ExportRow;

/** Shanghai wall-clock time as an Excel date-time cell (exceljs writes Dates as UTC). */
const timeCell = (ms: number | null): Date | null => (ms === null ? null : new Date(ms + 8 * 3600_000));

/** No ID numbers; phones masked: an export leaves the building on a USB stick (SPEC §8). */
function columns(today: string): TableColumn<Row>[] {
  return [
    { header: '诉求编号', width: 16, value: (r) => r.number },
    { header: '登记时间', width: 18, numFmt: 'yyyy-mm-dd hh:mm', value: (r) => timeCell(r.received_at) },
    { header: '居民', width: 12, value: (r) => r.resident_name },
    { header: '联系电话', width: 16, value: (r) => (r.resident_phone ? maskPhone(r.resident_phone) : null) },
    { header: '服务事项', width: 20, value: (r) => r.service_name },
    { header: '来源渠道', width: 12, value: (r) => CHANNEL_WORDS[r.channel] },
    { header: '办理方式', width: 12, value: (r) => MODE_WORDS[r.mode] },
    { header: '状态', width: 12, value: (r) => STATUS_WORDS[r.status] },
    { header: '诉求内容', width: 40, value: (r) => r.description },
    { header: '承办人', width: 12, value: (r) => r.assignee_name },
    { header: '承办部门', width: 16, value: (r) => r.department },
    { header: '办结时限', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => isoDateCell(r.due_date) },
    { header: '是否逾期', width: 10, value: (r) => (isOverdue(r, today) ? '逾期' : null) },
    { header: '办结时间', width: 18, numFmt: 'yyyy-mm-dd hh:mm', value: (r) => timeCell(r.resolved_at) },
    { header: '办理结果', width: 40, value: (r) => r.resolution },
    { header: '满意度', width: 10, value: (r) => (r.satisfaction ? SATISFACTION_WORDS[r.satisfaction] : null) },
    { header: '回访意见', width: 30, value: (r) => r.feedback_note },
    { header: '重新办理次数', width: 12, value: (r) => r.reopen_count || null },
    { header: '作废原因', width: 20, value: (r) => r.void_reason },
  ];
}

/** Read-only (it runs on the read worker); the handler audits the export with auditRequestsExport. */
export async function buildRequestsWorkbook(db: Db, filter: RequestFilter, now: number): Promise<{ fileName: string; base64: string; rows: number }> {
  const today = shanghaiDate(now);
  const rows = allMatchingRequests(db, filter, today);
  const wb = await newWorkbook();
  wb.creator = '连心前台';
  wb.created = new Date(now);
  addTableSheet(wb, '诉求列表', columns(today), rows);
  const base64 = await workbookToBase64(wb);
  return { fileName: `诉求列表-${formatChineseDate(today)}.xlsx`, base64, rows: rows.length };
}

export function auditRequestsExport(db: Db, user: Pick<SessionUser, 'userId' | 'username'>, now: number, filter: RequestFilter, rows: number): void {
  writeAudit(db, user, now, { action: 'request.export', targetType: 'request', detail: { rows, filter: { ...filter } } });
}

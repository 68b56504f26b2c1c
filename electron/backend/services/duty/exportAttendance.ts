import type { AttendanceRow } from '../../../../shared/contract/duty';
import { newWorkbook } from '../excel/module';
import { addTableSheet, workbookToBase64, type TableColumn } from '../excel/write';

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

const COLUMNS: TableColumn<AttendanceRow>[] = [
  { header: '姓名', width: 12, value: (r) => r.name },
  { header: '排班（班次）', width: 12, value: (r) => r.scheduledShifts },
  { header: '排班时长（小时）', width: 16, numFmt: '0.0', value: (r) => hours(r.scheduledMinutes) },
  { header: '出勤时长（小时）', width: 16, numFmt: '0.0', value: (r) => hours(r.attendedMinutes) },
  { header: '迟到（次）', width: 10, value: (r) => r.lateCount },
  { header: '迟到（分钟）', width: 12, value: (r) => r.lateMinutes },
  { header: '早退（次）', width: 10, value: (r) => r.earlyCount },
  { header: '缺勤（班次）', width: 12, value: (r) => r.absences },
  { header: '缺卡（未签退）', width: 14, value: (r) => r.missedOut },
  { header: '非排班到岗（次）', width: 16, value: (r) => r.unscheduled },
  { header: '非排班时长（小时）', width: 18, numFmt: '0.0', value: (r) => hours(r.unscheduledMinutes) },
];

/** Names and counts only: no phones or PINs leave in the file. */
export async function buildAttendanceWorkbook(month: string, rows: AttendanceRow[], now: number) {
  const wb = await newWorkbook();
  wb.creator = '连心前台';
  wb.created = new Date(now);
  addTableSheet(wb, `${month} 考勤`, COLUMNS, rows);
  const [y, m] = month.split('-');
  return { fileName: `考勤统计-${y}年${Number(m)}月.xlsx`, base64: await workbookToBase64(wb), rows: rows.length };
}

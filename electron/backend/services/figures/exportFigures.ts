import type ExcelJS from 'exceljs';
import type { Figures, RequestFigures, TicketFigures } from '../../../../shared/contract';
import { formatChineseDate } from '../../../../shared/rules/time';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { writeAudit } from '../audit/audit';
import { newWorkbook } from '../excel/module';
import { addTableSheet, workbookToBase64, type TableColumn } from '../excel/write';
import { computeFigures } from './figures';

type FigureRow = Figures['by']['service'][number];

const PERCENT = '0.0%';
const MINUTES = '0.0';

const ticketColumns: TableColumn<{ tickets: TicketFigures | null }>[] = [
  { header: '取号数', width: 10, value: (r) => r.tickets?.issued ?? null },
  { header: '已办理', width: 10, value: (r) => r.tickets?.served ?? null },
  { header: '过号', width: 8, value: (r) => r.tickets?.noShows ?? null },
  { header: '日终未办理', width: 12, value: (r) => r.tickets?.unserved ?? null },
  { header: '平均等候（分钟）', width: 18, numFmt: MINUTES, value: (r) => r.tickets?.avgWaitMin ?? null },
  { header: '90%等候（分钟）', width: 17, numFmt: MINUTES, value: (r) => r.tickets?.p90WaitMin ?? null },
  { header: '平均办理（分钟）', width: 18, numFmt: MINUTES, value: (r) => r.tickets?.avgHandleMin ?? null },
  { header: '90%办理（分钟）', width: 17, numFmt: MINUTES, value: (r) => r.tickets?.p90HandleMin ?? null },
];

const requestColumns: TableColumn<{ requests: RequestFigures }>[] = [
  { header: '受理诉求', width: 10, value: (r) => r.requests.received },
  { header: '已办结', width: 10, value: (r) => r.requests.resolved },
  { header: '办结率', width: 10, numFmt: PERCENT, value: (r) => r.requests.resolutionRate },
  { header: '按期办结', width: 10, value: (r) => r.requests.onTime },
  { header: '按期办结率', width: 12, numFmt: PERCENT, value: (r) => r.requests.onTimeRate },
  { header: '已回访', width: 10, value: (r) => r.requests.withFeedback },
  { header: '满意', width: 8, value: (r) => r.requests.satisfied },
  { header: '基本满意', width: 10, value: (r) => r.requests.basicallySatisfied },
  { header: '不满意', width: 8, value: (r) => r.requests.unsatisfied },
  { header: '满意率', width: 10, numFmt: PERCENT, value: (r) => r.requests.satisfactionRate },
  { header: '未办结', width: 10, value: (r) => r.requests.open },
  { header: '已超期', width: 10, value: (r) => r.requests.overdue },
];

function dimensionColumns(nameHeader: string, withTickets: boolean): TableColumn<FigureRow>[] {
  return [{ header: nameHeader, width: 24, value: (r) => r.label }, ...(withTickets ? ticketColumns : []), ...requestColumns];
}

interface OverviewLine {
  name: string;
  value: string | number | null;
  numFmt?: string;
}

function overview(f: Figures): OverviewLine[] {
  const t = f.tickets;
  const r = f.requests;
  return [
    { name: '统计期间', value: `${formatChineseDate(f.from)} 至 ${formatChineseDate(f.to)}` },
    { name: '取号数', value: t.issued },
    { name: '已办理', value: t.served },
    { name: '过号', value: t.noShows },
    { name: '日终未办理', value: t.unserved },
    { name: '平均等候（分钟）', value: t.avgWaitMin, numFmt: MINUTES },
    { name: '90%等候（分钟）', value: t.p90WaitMin, numFmt: MINUTES },
    { name: '平均办理（分钟）', value: t.avgHandleMin, numFmt: MINUTES },
    { name: '90%办理（分钟）', value: t.p90HandleMin, numFmt: MINUTES },
    { name: '受理诉求', value: r.received },
    { name: '已办结', value: r.resolved },
    { name: '办结率', value: r.resolutionRate, numFmt: PERCENT },
    { name: '按期办结', value: r.onTime },
    { name: '按期办结率', value: r.onTimeRate, numFmt: PERCENT },
    { name: '已回访', value: r.withFeedback },
    { name: '满意', value: r.satisfied },
    { name: '基本满意', value: r.basicallySatisfied },
    { name: '不满意', value: r.unsatisfied },
    { name: '满意率', value: r.satisfactionRate, numFmt: PERCENT },
    { name: '未办结（截至导出时）', value: r.open },
    { name: '已超期（截至导出时）', value: r.overdue },
  ];
}

function addOverviewSheet(wb: ExcelJS.Workbook, f: Figures) {
  const lines = overview(f);
  const ws = addTableSheet<OverviewLine>(
    wb,
    '总览',
    [
      { header: '指标', width: 24, value: (l) => l.name },
      { header: '数值', width: 40, value: (l) => l.value },
    ],
    lines,
  );
  // One column holds counts, minutes and rates: the format goes on each cell.
  lines.forEach((l, i) => {
    if (l.numFmt) ws.getCell(i + 2, 2).numFmt = l.numFmt;
  });
}

/**
 * The figures of a period as a workbook: an overview, one sheet per dimension, the trend. Rates are
 * written as fractions formatted as percentages, so Excel can still compute with them. Read-only (it runs on
 * the read worker); the handler audits the export (SPEC §8).
 */
export async function buildFiguresWorkbook(db: Db, from: string, to: string, now: number): Promise<ExportedFile> {
  const f = computeFigures(db, from, to, now);
  const wb = await newWorkbook();
  wb.creator = '连心前台';
  wb.created = new Date(now);
  addOverviewSheet(wb, f);
  addTableSheet(wb, '按服务', dimensionColumns('服务事项', true), f.by.service);
  addTableSheet(wb, '按网格', dimensionColumns('网格', false), f.by.grid);
  addTableSheet(wb, '按渠道', dimensionColumns('渠道', false), f.by.channel);
  addTableSheet(wb, '按人员', dimensionColumns('工作人员', true), f.by.staff);
  addTableSheet(wb, '按办理方式', dimensionColumns('办理方式', false), f.by.mode);
  const monthly = f.series.length > 0 && f.series[0]!.period.length === 7;
  addTableSheet(
    wb,
    '趋势',
    [
      { header: monthly ? '月份' : '日期', width: 12, value: (s) => s.period },
      { header: '取号数', width: 10, value: (s) => s.issued },
      { header: '受理诉求', width: 10, value: (s) => s.received },
      { header: '其中已办结', width: 12, value: (s) => s.resolved },
    ],
    f.series,
  );
  const base64 = await workbookToBase64(wb);
  const rows = Object.values(f.by).reduce((n, list) => n + list.length, 0) + f.series.length;
  const name = from === to ? formatChineseDate(from) : `${formatChineseDate(from)}至${formatChineseDate(to)}`;
  return { fileName: `统计-${name}.xlsx`, base64, rows };
}

export function auditFiguresExport(db: Db, user: Pick<SessionUser, 'userId' | 'username'>, now: number, from: string, to: string): void {
  writeAudit(db, user, now, { action: 'figures.export', targetType: 'figures', detail: { from, to } });
}

type ExportedFile = { fileName: string; base64: string; rows: number };

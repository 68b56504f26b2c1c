import { maskIdNumber, maskPhone } from '../../../../../shared/rules/mask';
import { ageOn, formatChineseDate, shanghaiDate } from '../../../../../shared/rules/time';
import type { SessionUser } from '../../../context';
import type { Db } from '../../../db/open';
import { writeAudit } from '../../audit/audit';
import { newWorkbook } from '../../excel/module';
import { addTableSheet, isoDateCell, workbookToBase64, type TableColumn } from '../../excel/write';
import { allMatchingResidents, type ResidentQuery } from '../residents';

type Row = ReturnType<typeof allMatchingResidents>[number];

const GENDER = { M: '男', F: '女' } as const;

/** ID numbers and phones are masked: an export leaves the building on a USB stick (SPEC §8, privacy by default). */
function columns(today: string): TableColumn<Row>[] {
  return [
    { header: '姓名', width: 12, value: (r) => r.name },
    { header: '性别', width: 6, value: (r) => GENDER[r.gender] },
    { header: '出生日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => isoDateCell(r.birth_date) },
    { header: '年龄', width: 6, value: (r) => (r.birth_date ? ageOn(r.birth_date, today) : null) },
    { header: '身份证号', width: 22, value: (r) => (r.id_number ? maskIdNumber(r.id_number) : null) },
    { header: '联系电话', width: 16, value: (r) => (r.phone ? maskPhone(r.phone) : null) },
    { header: '片区/网格/楼栋', width: 32, value: (r) => [r.area_name, r.grid_name, r.building_name].filter(Boolean).join(' / ') || null },
    { header: '单元', width: 8, value: (r) => r.unit },
    { header: '房号', width: 8, value: (r) => r.room },
    { header: '标签', width: 24, value: (r) => (JSON.parse(r.tags) as string[]).join('、') || null },
    { header: '备注', width: 32, value: (r) => r.notes },
  ];
}

export async function exportResidents(
  db: Db,
  query: ResidentQuery,
  now: number,
  user: Pick<SessionUser, 'userId' | 'username'>,
): Promise<{ fileName: string; base64: string; rows: number }> {
  const today = shanghaiDate(now);
  const rows = allMatchingResidents(db, query);
  const wb = await newWorkbook();
  wb.creator = '连心前台';
  wb.created = new Date(now);
  addTableSheet(wb, '居民名单', columns(today), rows);
  const base64 = await workbookToBase64(wb);
  writeAudit(db, user, now, {
    action: 'resident.export',
    targetType: 'resident',
    detail: { rows: rows.length, query: { q: query.q, gridNodeId: query.gridNodeId ?? null, tag: query.tag ?? null } },
  });
  return { fileName: `居民名单-${formatChineseDate(today)}.xlsx`, base64, rows: rows.length };
}

import type { Resident } from '../../../../shared/contract';
import { t } from '../../i18n';

/** 东片区 / 第一网格 / 3号楼 2单元 301室 — a bare number gets its 单元/室, anything else is shown as typed. */
export function fullAddress(r: Pick<Resident, 'address' | 'unit' | 'room'>): string {
  const unit = r.unit ? (/^\d+$/.test(r.unit) ? t('resident.unitSuffix', { unit: r.unit }) : r.unit) : '';
  const room = r.room ? (/^\d+$/.test(r.room) ? t('resident.roomSuffix', { room: r.room }) : r.room) : '';
  return [r.address, [unit, room].filter(Boolean).join(' ')].filter(Boolean).join(' ');
}

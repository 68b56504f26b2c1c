import type { PunchResult, StationDay } from '../../../../shared/contract/duty';
import { t } from '../../i18n';

/** 08:02, in Shanghai whatever the PC's zone. */
export function clockText(ms: number, withSeconds = false): string {
  const iso = new Date(ms + 8 * 3600_000).toISOString();
  return iso.slice(11, withSeconds ? 19 : 16);
}

type Person = StationDay['shifts'][number]['people'][number];

export const STATE_COLORS: Record<Person['state'], string> = {
  waiting: 'default',
  in: 'green',
  late: 'orange',
  out: 'blue',
  missed: 'red',
  absent: 'red',
};

export function stateText(p: Person): string {
  switch (p.state) {
    case 'in':
      return t('duty.state.in', { time: clockText(p.inAt!) });
    case 'late':
      return t('duty.state.late', { minutes: p.lateMinutes });
    case 'out':
      return t('duty.state.out', { time: clockText(p.outAt!) });
    default:
      return t(`duty.state.${p.state}`);
  }
}

export interface Flag {
  text: string;
  color: string;
}

/** What the big confirmation shows beside the name. */
export function punchFlags(r: PunchResult): Flag[] {
  const flags: Flag[] = [];
  if (r.action === 'in' && r.lateMinutes > 0) flags.push({ text: t('duty.flag.late', { minutes: r.lateMinutes }), color: 'orange' });
  if (r.action === 'out' && r.earlyMinutes > 0) flags.push({ text: t('duty.flag.early', { minutes: r.earlyMinutes }), color: 'orange' });
  if (r.unscheduled) flags.push({ text: t('duty.flag.unscheduled'), color: 'blue' });
  if (r.closedMissed) flags.push({ text: t('duty.flag.closedMissed'), color: 'red' });
  return flags;
}

/** The staff id a badge code names (checked by the backend; here only to choose 签到 or 签退). */
export function staffIdOfBadge(code: string): string | null {
  return /^LXS1:([0-9a-f-]{36})\./i.exec(code.trim())?.[1]?.toLowerCase() ?? null;
}

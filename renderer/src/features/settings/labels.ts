import type { HANDLING_MODES, Role } from '../../../../shared/contract';
import { ROLES } from '../../../../shared/contract/roles';
import { roleLabel } from '../../components/format';

type HandlingMode = (typeof HANDLING_MODES)[number];

/** Login roles as the centre calls them (the same words as the header's role tag). */
export const ROLE_LABELS = Object.fromEntries(ROLES.map((r) => [r, roleLabel(r)])) as Record<Role, string>;

export const ROLE_HELP: Record<Role, string> = {
  admin: '全部功能，含设置、账号和审计日志',
  desk: '前台受理、叫号、预约、爱心卡登记',
  duty: '驿站值班：签到签退、本站预约和来访',
  partner: '爱心商户收银：只能核验爱心卡、登记消费',
};

/** Handling modes (办理方式) of a request. */
export const MODE_LABELS: Record<HandlingMode, string> = {
  immediate: '马上办',
  onsite: '现场办',
  homevisit: '上门办',
  assigned: '专人办',
  escalated: '转办联办',
};

/** Tag colours so the modes can be told apart at a glance. */
export const MODE_COLORS: Record<HandlingMode, string> = {
  immediate: 'green',
  onsite: 'blue',
  homevisit: 'purple',
  assigned: 'gold',
  escalated: 'red',
};

/** Weekday keys of the opening hours: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Record<Weekday, string> = {
  '1': '周一',
  '2': '周二',
  '3': '周三',
  '4': '周四',
  '5': '周五',
  '6': '周六',
  '7': '周日',
};

/** Job titles offered when adding staff; any other title can be typed. */
export const JOB_ROLE_SUGGESTIONS = ['书记', '站长', '社工', '网格员', '前台', '值班员', '志愿者', '法律顾问', '理发师', '医生'];

/** Where the holiday calendar came from, in words. */
export function calendarSourceLabel(source: string): string {
  if (!source) return '无数据';
  return source
    .split(',')
    .map((s) => s.trim())
    .map((s) => {
      if (s === 'import') return '管理员导入的节假日文件';
      if (s === 'county') return '县级平台下发';
      const m = /^chinese-days@(.+)$/.exec(s);
      if (m) return `程序内置的国务院放假安排（数据版本 ${m[1]}）`;
      return s;
    })
    .join('；');
}

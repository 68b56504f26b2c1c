import type { Channel, HandlingMode, RequestStatus, Satisfaction } from './rows';

/** Words for the export's cells (the screens take theirs from the renderer's catalogue). */
export const STATUS_WORDS: Record<RequestStatus, string> = {
  received: '已受理',
  assigned: '已分派',
  in_progress: '办理中',
  resolved: '已办结',
  closed: '已回访结案',
  void: '已作废',
};

export const MODE_WORDS: Record<HandlingMode, string> = {
  immediate: '马上办',
  onsite: '现场办',
  homevisit: '上门办',
  assigned: '专人办',
  escalated: '转办/联办',
};

export const CHANNEL_WORDS: Record<Channel, string> = {
  window: '窗口',
  phone: '电话',
  grid: '网格上报',
  station: '驿站',
  county: '县平台转派',
};

export const SATISFACTION_WORDS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
};

/** Audit actions in words; an action not listed here is shown as written in the log. */
export const ACTION_LABELS: Record<string, string> = {
  login: '登录',
  'login.lockout': '登录锁定',
  logout: '退出登录',
  'system.setup': '首次设置',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.resetPassword': '重置密码',
  'user.clearLockout': '解除锁定',
  'user.changePassword': '修改密码',
  'settings.update': '修改设置',
  'resident.create': '登记居民',
  'resident.update': '修改居民',
  'resident.void': '作废居民',
  'resident.restore': '恢复居民',
  'resident.revealIdNumber': '查看完整身份证号',
  'resident.revealPhone': '查看完整电话',
  'resident.import': '导入居民',
  'resident.export': '导出居民',
  'grid.create': '新增网格节点',
  'grid.update': '修改网格节点',
  'grid.remove': '删除网格节点',
  'staff.create': '添加工作人员',
  'staff.update': '修改工作人员',
  'staff.setPin': '设置PIN',
  'service.create': '添加服务事项',
  'service.update': '修改服务事项',
  'station.create': '添加驿站',
  'station.update': '修改驿站',
  'calendar.import': '导入节假日',
  'backup.create': '备份数据',
  'backup.restore': '恢复备份',
  'audit.verifyChain': '校验审计日志',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** What kind of record an entry is about. */
export const TARGET_LABELS: Record<string, string> = {
  user: '账号',
  staff: '工作人员',
  service: '服务事项',
  station: '驿站',
  resident: '居民',
  household: '家庭',
  grid: '网格节点',
  settings: '中心设置',
  calendar: '节假日',
  card: '爱心卡',
  partner: '爱心商户',
  request: '诉求',
  audit: '审计日志',
};

/** Field names that read differently for one kind of record (a staff member is 在岗, not 启用). */
export const DETAIL_KEY_LABELS_BY_TARGET: Record<string, Record<string, string>> = {
  staff: { name: '姓名', active: '在岗' },
  user: { name: '姓名' },
  resident: { name: '姓名' },
  // audit.verifyChain: { ok, checked, firstBad: { seq, at, action }, missingAtEnd }
  audit: { ok: '完整', checked: '完整条数', firstBad: '第一条对不上的记录', seq: '序号', at: '时间', action: '操作', missingAtEnd: '末尾缺失条数' },
};

/** Names of the fields that appear in entries' details. */
export const DETAIL_KEY_LABELS: Record<string, string> = {
  name: '名称',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  roles: '岗位',
  disabled: '停用',
  active: '启用',
  stationIds: '驿站',
  category: '类别',
  prefix: '取号字母',
  defaultMode: '默认办理方式',
  timeLimitDays: '时限（工作日）',
  counters: '窗口',
  needsAppointment: '需预约',
  hours: '开放时间',
  closedDates: '临时闭馆',
  address: '地址',
  years: '年份',
  days: '天数',
  centreName: '中心名称',
  centreCode: '中心编码',
  idleLockMinutes: '自动锁屏（分钟）',
  reason: '原因',
  field: '字段',
  count: '条数',
  rows: '行数',
  created: '新增',
  updated: '更新',
  skipped: '跳过',
  fileName: '文件名',
  // resident.import: { created, existing, skippedErrors, totalRows, sheetName, sha256 }
  existing: '已存在',
  skippedErrors: '跳过有错误的行',
  totalRows: '总行数',
  sheetName: '工作表',
  sha256: '文件校验值',
  // resident.export: { rows, query: { q, gridNodeId, tag } }
  query: '筛选条件',
  q: '查找内容',
  gridNodeId: '网格',
  tag: '标签',
};

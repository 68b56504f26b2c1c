/** Messages the backend sends (error keys) for duty. */
export const dutyMessages: Record<string, string> = {
  'duty.pin.notSet': '{name} 还没有设置签到 PIN，请管理员在“设置 → 工作人员”中设置',
  'duty.pin.locked': 'PIN 错误次数过多，已锁定，请 {minutes} 分钟后再试或请管理员重设 PIN',
  'duty.pin.wrong': 'PIN 不正确，还可以再试 {left} 次',
  'duty.pin.format': 'PIN 是 4 到 8 位数字',
  'duty.pin.required': '请输入 PIN',
  'duty.staff.required': '请先点选您的名字',
  'duty.station.notFound': '没有找到这个驿站，请重新选择本机所在驿站',
  'duty.badge.invalid': '这张工牌无法识别，请改用姓名和 PIN 签到',
  'duty.badge.old': '这是 {name} 已作废的旧工牌，请使用补发的新工牌或用 PIN 签到',
  'duty.badge.inactive': '这张工牌的主人已停用，不能签到',
  'duty.checkIn.already': '{name} 已于 {time} 在{station}签到，无需重复签到',
  'duty.checkOut.notIn': '{name} 今天还没有签到，不能签退',
  'duty.checkOut.missed': '{name} 上次签到后没有签退，已记为缺卡；现在没有可签退的记录',
  'duty.month.format': '月份格式不正确（如 2026-12）',
};

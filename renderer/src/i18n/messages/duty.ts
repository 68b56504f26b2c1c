/** Messages the backend sends (error keys) for duty. */
export const dutyMessages: Record<string, string> = {
  'duty.pin.notSet': '{name} 还没有设置签到 PIN，请管理员在“设置 → 工作人员”中设置',
  'duty.pin.locked': 'PIN 错误次数过多，已锁定，请 {minutes} 分钟后再试或请管理员重设 PIN',
  'duty.pin.wrong': 'PIN 不正确，还可以再试 {left} 次',
};

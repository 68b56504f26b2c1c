/** Words on the screens of duty. */
export const dutyScreens: Record<string, string> = {
  'nav.attendance': '考勤统计',
  'nav.checkin': '签到签退',
};

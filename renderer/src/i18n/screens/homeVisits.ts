/** Words on the screens of homeVisits. */
export const homeVisitsScreens: Record<string, string> = {
  'nav.homeVisits': '上门服务',
};

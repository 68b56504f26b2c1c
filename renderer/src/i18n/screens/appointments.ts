/** Words on the screens of appointments. */
export const appointmentsScreens: Record<string, string> = {
  'nav.appointments': '驿站预约',
};

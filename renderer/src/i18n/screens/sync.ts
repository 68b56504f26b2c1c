/** Words on the sync settings, the header badge and the sync page. */
export const syncScreens: Record<string, string> = {};

/** Words on the requests screens. */
export const requestsScreens: Record<string, string> = {
};

/** Messages the backend sends for the requests domain (error keys). */
export const requestsMessages: Record<string, string> = {
};

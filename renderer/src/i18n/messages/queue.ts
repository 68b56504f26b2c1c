/** Messages the backend sends for the queue domain (error keys). */
export const queueMessages: Record<string, string> = {
};

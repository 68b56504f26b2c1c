/** Messages the backend sends (error keys) for duty. */
export const dutyMessages: Record<string, string> = {};

/** Messages the backend sends (error keys) for appointments. */
export const appointmentsMessages: Record<string, string> = {};

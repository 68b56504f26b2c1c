/** Messages the backend sends (error keys) for homeVisits. */
export const homeVisitsMessages: Record<string, string> = {};

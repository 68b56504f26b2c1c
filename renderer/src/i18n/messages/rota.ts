/** Messages the backend sends (error keys) for rota. */
export const rotaMessages: Record<string, string> = {};

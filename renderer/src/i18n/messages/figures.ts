/** Messages the backend sends for the figures domain (error keys). */
export const figuresMessages: Record<string, string> = {
};

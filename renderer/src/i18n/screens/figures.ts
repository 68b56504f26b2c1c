/** Words on the figures screens. */
export const figuresScreens: Record<string, string> = {
};

/** Words on the queue screens. */
export const queueScreens: Record<string, string> = {
};

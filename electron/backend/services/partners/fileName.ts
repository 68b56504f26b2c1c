/** A name made safe for a file name on Windows: reserved and control characters become _. */
export const fileNameSafe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || '_';

import type { CSSProperties } from 'react';

const NOWRAP: CSSProperties = { whiteSpace: 'nowrap' };

/** Column props that keep a short column on one line, so long columns wrap instead ("3 个工作日", not "3 个工作 / 日"). */
export const nowrap = {
  onCell: () => ({ style: NOWRAP }),
  onHeaderCell: () => ({ style: NOWRAP }),
};

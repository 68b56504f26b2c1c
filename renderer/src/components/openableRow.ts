import type { HTMLAttributes } from 'react';

/** A table row's props that open it with a click, or with Enter once tabbed to. */
export function openableRow(open: () => void): HTMLAttributes<HTMLElement> {
  return {
    onClick: () => open(),
    onKeyDown: (e) => {
      if (e.key === 'Enter') open();
    },
    tabIndex: 0,
  };
}

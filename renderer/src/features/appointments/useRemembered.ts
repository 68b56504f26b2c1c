import { useCallback, useState } from 'react';

const PREFIX = 'lianxin.appointments.';

function read(key: string): string | null {
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

/**
 * A choice this PC keeps between visits (the tab, the station, the service): a desk worker comes
 * back to where they were. `accept` rejects a stored value that no longer makes sense.
 */
export function useRemembered<T extends string>(key: string, fallback: T, accept: (v: string) => v is T = (v): v is T => v !== ''): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    const stored = read(key);
    return stored !== null && accept(stored) ? stored : fallback;
  });
  const remember = useCallback(
    (v: T) => {
      setValue(v);
      try {
        localStorage.setItem(PREFIX + key, v);
      } catch {
        /* private mode or a full disk: the choice lasts for this visit only */
      }
    },
    [key],
  );
  return [value, remember];
}

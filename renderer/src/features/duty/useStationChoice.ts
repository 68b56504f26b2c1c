import { useCallback, useState } from 'react';

const KEY = 'lianxin.checkin.stationId';

/** The station this PC stands in: chosen once, remembered on this machine. */
export function useStationChoice(): [string | null, (id: string | null) => void] {
  const [id, setId] = useState<string | null>(() => localStorage.getItem(KEY));
  const choose = useCallback((next: string | null) => {
    if (next) localStorage.setItem(KEY, next);
    else localStorage.removeItem(KEY);
    setId(next);
  }, []);
  return [id, choose];
}

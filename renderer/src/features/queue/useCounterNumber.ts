import { useCallback, useState } from 'react';

const KEY = 'lianxin.counter';

function stored(): number {
  const n = Number(localStorage.getItem(KEY));
  return Number.isInteger(n) && n >= 1 && n <= 99 ? n : 1;
}

/** Which counter this PC is: chosen once and remembered on this computer (not per login). */
export function useCounterNumber(): [number, (n: number) => void] {
  const [counter, setCounter] = useState(stored);
  const choose = useCallback((n: number) => {
    localStorage.setItem(KEY, String(n));
    setCounter(n);
  }, []);
  return [counter, choose];
}

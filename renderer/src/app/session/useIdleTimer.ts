import { useEffect, useEffectEvent } from 'react';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` after `minutes` without mouse or keyboard activity (checked every few seconds, so a sleeping PC is handled). */
export function useIdleTimer(minutes: number, enabled: boolean, onIdle: () => void): void {
  const fireIdle = useEffectEvent(onIdle);

  useEffect(() => {
    if (!enabled || minutes <= 0) return;
    let lastActive = Date.now();
    const mark = () => {
      lastActive = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, mark, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (Date.now() - lastActive >= minutes * 60_000) {
        lastActive = Date.now();
        fireIdle();
      }
    }, 5_000);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, mark, { capture: true });
      clearInterval(timer);
    };
  }, [minutes, enabled]);
}

import { useEffect, useEffectEvent } from 'react';
import type { EventPayload } from '../../../../shared/contract';
import { transport } from '../../api/client';

export interface PublicQueueListener {
  changed?(): void;
  called?(call: EventPayload<'queue.called'>): void;
  connection?(up: boolean): void;
}

/**
 * The hall's pushed events (`queue.changed`, `queue.called`): public, so the kiosk and the display
 * hear them with no session. The listener may change on every render; the stream is opened once.
 */
export function usePublicQueueEvents(listener: PublicQueueListener): void {
  const onEvent = useEffectEvent((name: string, payload: unknown) => {
    if (name === 'connection') listener.connection?.(payload as boolean);
    else if (name === 'queue.changed') listener.changed?.();
    else if (name === 'queue.called') listener.called?.(payload as EventPayload<'queue.called'>);
  });
  useEffect(() => transport.subscribe((name, payload) => onEvent(name, payload)), []);
}

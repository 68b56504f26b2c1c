import { useMemo } from 'react';
import { useApiQuery } from '../../../api/hooks';
import { failureText } from '../../../components/apiErrors';
import { closedLabel } from '../labels';
import type { SlotCell } from './SlotGrid';

/** The slots of one day for one station's service, as buttons want them. */
export function useSlots(stationServiceId: string | null, day: string | null) {
  const q = useApiQuery('appointments.slots', { stationServiceId: stationServiceId ?? '', day: day ?? '' }, { enabled: !!stationServiceId && !!day });
  const cells = useMemo<SlotCell[]>(
    () =>
      (q.data?.slots ?? []).map((s) => ({
        startMinute: s.startMinute,
        endMinute: s.endMinute,
        capacity: s.capacity,
        taken: s.taken,
        free: s.free,
        past: s.started,
      })),
    [q.data],
  );
  return {
    cells,
    closedReason: q.data?.closedReason ? closedLabel(q.data.closedReason) : null,
    loading: q.isPending && q.fetchStatus !== 'idle',
    error: q.isError ? failureText(q.error) : null,
  };
}

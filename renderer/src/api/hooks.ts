import { useEffect } from 'react';
import {
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { EventPayload, Input, Method, Output, Topic } from '../../../shared/contract';
import { ApiError, call, transport } from './client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, err) => !(err instanceof ApiError) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

/** Reads through the cache; the key is the method and its input. */
export function useApiQuery<M extends Method>(
  method: M,
  input: Input<M>,
  options: Omit<UseQueryOptions<Output<M>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output<M>, ApiError>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    ...options,
  });
}

export function useApiMutation<M extends Method>(method: M) {
  return useMutation<Output<M>, ApiError, Input<M>>({ mutationFn: (input) => call(method, input) });
}

/** Which cached reads a topic's change makes stale. */
const TOPIC_METHODS: Record<Topic, string[]> = {
  residents: ['residents.', 'grid.tree'],
  grid: ['grid.', 'residents.'],
  // staff.list shows each member's linked login account
  users: ['users.', 'staff.'],
  staff: ['staff.'],
  services: ['services.'],
  stations: ['stations.'],
  calendar: ['calendar.'],
  settings: ['settings.', 'system.status', 'session.get'],
  queue: ['queue.', 'kiosk.', 'display.', 'figures.'],
  // a request's change moves the to-do lists, the figures, the ticket it hangs on and its visit's day plan line
  requests: ['requests.', 'figures.', 'queue.', 'homeVisits.'],
  cards: ['households.', 'cardApplications.', 'cards.', 'cardReports.', 'till.'],
  partners: ['partners.', 'cardReports.', 'users.'],
  // a check-in joins the queue; a day plan shows visits beside appointments
  appointments: ['appointments.', 'stationServices.', 'queue.', 'homeVisits.'],
  // completing a visit moves its 上门办 request
  homeVisits: ['homeVisits.', 'requests.', 'figures.'],
  rota: ['rota.', 'duty.'],
  duty: ['duty.', 'rota.'],
  // pulled records can add requests, change the calendar or a card's roster check
  sync: ['sync.'],
  backup: ['backup.status'],
};

/** Keeps every screen current: a `data.changed` push marks the matching reads stale. */
/** `sessionKey` changes on login/logout, so the HTTP event stream reconnects with the new session. */
export function useLiveUpdates(sessionKey: string, onConnection?: (up: boolean) => void): void {
  const qc = useQueryClient();
  useEffect(
    () =>
      transport.subscribe((name, payload) => {
        if (name === 'connection') return onConnection?.(payload as boolean);
        if (name !== 'data.changed') return;
        const prefixes = TOPIC_METHODS[(payload as EventPayload<'data.changed'>).topic] ?? [];
        void qc.invalidateQueries({
          predicate: (q) => prefixes.some((p) => String(q.queryKey[0]).startsWith(p)),
        });
      }),
    [qc, onConnection, sessionKey],
  );
}

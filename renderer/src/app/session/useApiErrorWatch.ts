import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AppErrorValue } from '../../../../shared/contract';
import { ApiError } from '../../api/client';

/** Hears every failed read and write, so an expired or locked session is noticed wherever it shows up. */
export function useApiErrorWatch(onError: (e: AppErrorValue) => void): void {
  const qc = useQueryClient();
  useEffect(() => {
    const seen = (err: unknown) => {
      if (err instanceof ApiError) onError(err.value);
    };
    const offQueries = qc.getQueryCache().subscribe((ev) => {
      if (ev.type === 'updated' && ev.action.type === 'error') seen(ev.action.error);
    });
    const offMutations = qc.getMutationCache().subscribe((ev) => {
      if (ev.type === 'updated' && ev.action.type === 'error') seen(ev.action.error);
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [qc, onError]);
}

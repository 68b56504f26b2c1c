import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/**
 * Marks cached reads stale after one of our own writes, so the screen is current even when the
 * live-update stream is down (the push would do the same a moment later).
 */
export function useInvalidate() {
  const qc = useQueryClient();
  return useCallback(
    (...prefixes: string[]) => void qc.invalidateQueries({ predicate: (q) => prefixes.some((p) => String(q.queryKey[0]).startsWith(p)) }),
    [qc],
  );
}

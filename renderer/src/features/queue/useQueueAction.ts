import { App } from 'antd';
import type { Input, Method, Output } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';

/**
 * One queue call from a button: errors in Chinese through the message bar, the queue's reads
 * refreshed after it (the push does the same, this covers a dropped event stream), and a line
 * saying what happened.
 */
export function useQueueAction<M extends Method>(method: M, said?: (out: Output<M>, input: Input<M>) => string | null) {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const mutation = useApiMutation(method);
  const run = (input: Input<M>, after?: (out: Output<M>) => void) =>
    mutation.mutate(input, {
      onSuccess: (out) => {
        invalidate('queue.');
        const text = said?.(out, input);
        if (text) void message.success(text);
        after?.(out);
      },
      onError: (e) => showApiError(e, (text) => void message.error(text)),
    });
  return { run, pending: mutation.isPending };
}

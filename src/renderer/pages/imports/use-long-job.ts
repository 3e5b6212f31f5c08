import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProgressEvent } from '../../../shared/progress';
import { asApiCallError, isAbort, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import type { CallOptions } from '../../api/transport';

export type JobState<T> =
  | { status: 'idle' }
  | { status: 'running'; progress: ProgressEvent | null; startedAt: number }
  | { status: 'done'; value: T }
  | { status: 'cancelled' }
  | { status: 'failed'; error: ApiCallError };

/**
 * Both transports can stop a call once sent: browser mode by closing the HTTP request,
 * the desktop by the bridge's cancel; the core then rolls the job back.
 */
export const CAN_CANCEL = api.mode === 'browser' || api.mode === 'desktop';

/**
 * Runs one long call (upload, check, commit) at a time, with its progress and a Cancel
 * that aborts it. A new start, or leaving the screen, cancels the one before.
 */
export function useLongJob<T>(method: string) {
  const [state, setState] = useState<JobState<T>>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (run: (options: CallOptions) => Promise<T>): Promise<T | null> => {
      controller.current?.abort();
      const own = new AbortController();
      controller.current = own;
      setState({ status: 'running', progress: null, startedAt: performance.now() });
      try {
        const value = await run({
          signal: own.signal,
          onProgress: (progress) => {
            if (controller.current === own) setState((s) => (s.status === 'running' ? { ...s, progress } : s));
          },
        });
        if (controller.current !== own) return null;
        setState({ status: 'done', value });
        return value;
      } catch (thrown) {
        if (controller.current !== own) return null;
        setState(isAbort(thrown) || own.signal.aborted ? { status: 'cancelled' } : { status: 'failed', error: asApiCallError(method, thrown) });
        return null;
      } finally {
        if (controller.current === own) controller.current = null;
      }
    },
    [method],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ status: 'idle' });
  }, []);

  return { state, start, cancel, reset };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf, MethodName, ResultOf } from '../../shared/contract';
import { asApiCallError, type ApiCallError } from './api-call-error';
import { api } from './client';

export interface ApiQuery<T> {
  data: T | null;
  /** The input (as JSON) that `data` answers, to tell a fresh answer from the previous input's. */
  dataKey: string | null;
  error: ApiCallError | null;
  loading: boolean;
  /**
   * True when `data` answers the input of this render: a screen shows figures only then, never
   * the previous input's while the new answer is on its way (or after it failed).
   */
  current: boolean;
  reload: () => void;
}

/**
 * Calls a read method whenever its input changes (compared by value). Only the reply to
 * the latest request is kept: a slow answer for an older input never overwrites a newer one.
 * Pass null to call nothing (e.g. until an org is chosen); change `refreshKey` to call again
 * with the same input (e.g. after another workspace was opened).
 */
export function useApiQuery<K extends MethodName>(method: K, input: InputOf<K> | null, refreshKey: unknown = null): ApiQuery<ResultOf<K>> {
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<{ data: ResultOf<K> | null; dataKey: string | null; error: ApiCallError | null; loading: boolean }>({
    data: null,
    dataKey: null,
    error: null,
    loading: key !== null,
  });
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    if (key === null) {
      setState({ data: null, dataKey: null, error: null, loading: false });
      return;
    }
    setState((previous) => ({ ...previous, loading: true }));
    api.call(method, JSON.parse(key) as InputOf<K>).then(
      (data) => {
        if (request === latest.current) setState({ data, dataKey: key, error: null, loading: false });
      },
      (thrown: unknown) => {
        if (request === latest.current) setState({ data: null, dataKey: key, error: asApiCallError(method, thrown), loading: false });
      },
    );
  }, [method, key, reloads, refreshKey]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const current = state.data !== null && !state.loading && state.dataKey === key;
  return { ...state, current, reload };
}

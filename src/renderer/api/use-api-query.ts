import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf, MethodName, ResultOf } from '../../shared/contract';
import { asApiCallError, type ApiCallError } from './api-call-error';
import { api } from './client';

export interface ApiQuery<T> {
  data: T | null;
  error: ApiCallError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Calls a read method whenever its input changes (compared by value). Only the reply to
 * the latest request is kept: a slow answer for an older input never overwrites a newer one.
 * Pass null to call nothing (e.g. until an org is chosen).
 */
export function useApiQuery<K extends MethodName>(method: K, input: InputOf<K> | null): ApiQuery<ResultOf<K>> {
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<{ data: ResultOf<K> | null; error: ApiCallError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: key !== null,
  });
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    if (key === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    setState((previous) => ({ ...previous, loading: true }));
    api.call(method, JSON.parse(key) as InputOf<K>).then(
      (data) => {
        if (request === latest.current) setState({ data, error: null, loading: false });
      },
      (thrown: unknown) => {
        if (request === latest.current) setState({ data: null, error: asApiCallError(method, thrown), loading: false });
      },
    );
  }, [method, key, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { ...state, reload };
}

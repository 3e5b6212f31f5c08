import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportInspection, Mapping } from '../../../../shared/contract/import-files';
import type { ImportEntity } from '../../../../shared/contract/imports';
import { asApiCallError, type ApiCallError } from '../../../api/api-call-error';
import { api } from '../../../api/client';

export interface InspectTarget {
  orgId: string;
  entity: ImportEntity;
  /** The staged upload (browser) or the file's own path (desktop). */
  path: string;
}

export interface Inspection {
  inspection: ImportInspection | null;
  /** The request `inspection` answers, as JSON: tells a fresh preview from one being replaced. */
  answeredKey: string | null;
  loading: boolean;
  error: ApiCallError | null;
  reload: () => void;
}

const PREVIEW_ROWS = 20;
// Typing a constant or flipping selects should not send one inspection per keystroke.
const DEBOUNCE_MS = 250;

/**
 * Inspects the file again whenever the target, profile or mapping change (null mapping:
 * the profile's, or the server's guess). Only the answer to the newest request is kept.
 */
export function useInspection(target: InspectTarget | null, profile: string | null, mapping: Mapping | null): Inspection {
  const key = target ? JSON.stringify({ ...target, profile, mapping }) : null;
  const [state, setState] = useState<Omit<Inspection, 'reload'>>({ inspection: null, answeredKey: null, loading: key !== null, error: null });
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);
  const firstForTarget = useRef<string | null>(null);

  useEffect(() => {
    const request = ++latest.current;
    if (key === null) {
      setState({ inspection: null, answeredKey: null, loading: false, error: null });
      return;
    }
    const input = JSON.parse(key) as InspectTarget & { profile: string | null; mapping: Mapping | null };
    // A new file or entity is inspected at once; edits of the mapping wait for a pause.
    const targetKey = JSON.stringify([input.orgId, input.entity, input.path]);
    const sameTarget = firstForTarget.current === targetKey;
    firstForTarget.current = targetKey;
    // Another file's preview must not stay on screen while this one loads.
    setState((previous) => (sameTarget ? { ...previous, loading: true } : { inspection: null, answeredKey: null, loading: true, error: null }));
    const delay = sameTarget ? DEBOUNCE_MS : 0;
    const timer = window.setTimeout(() => {
      api.call('imports.inspect', { ...input, previewRows: PREVIEW_ROWS }).then(
        (inspection) => {
          if (request === latest.current) setState({ inspection, answeredKey: key, loading: false, error: null });
        },
        (thrown: unknown) => {
          if (request === latest.current) setState((previous) => ({ ...previous, loading: false, error: asApiCallError('imports.inspect', thrown) }));
        },
      );
    }, delay);
    return () => window.clearTimeout(timer);
  }, [key, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { ...state, reload };
}

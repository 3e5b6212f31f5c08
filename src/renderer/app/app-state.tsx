import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Org, PeriodInfo } from '../../shared/contract/orgs';
import type { WorkspaceInfo } from '../../shared/contract/system';
import type { ApiCallError } from '../api/api-call-error';
import { api } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { ScreenSetups } from './screen-setups';

/** What every screen shares: the workspace, the chosen org and the chosen period. */
export interface AppState {
  workspace: WorkspaceInfo | null;
  orgs: Org[];
  /** False until the first list of orgs arrives (an empty list then means: no orgs). */
  orgsLoaded: boolean;
  orgId: string | null;
  selectOrg: (orgId: string) => void;
  periods: PeriodInfo[];
  /** True when `periods` belongs to the chosen org (false while another org's load). */
  periodsLoaded: boolean;
  /** The chosen period, or null for all periods. */
  period: string | null;
  selectPeriod: (period: string | null) => void;
  /**
   * The org and period screens should show: set once the chosen org's periods are known,
   * and held while a new choice settles, so a screen never queries a half-made choice.
   */
  view: { orgId: string; period: string | null } | null;
  loading: boolean;
  error: ApiCallError | null;
  retry: () => void;
  /** Changes whenever another workspace file is opened; screens reset on it. */
  workspaceVersion: number;
  /** Changes after this window wrote data (an import, an undo); screens showing that data reload. */
  dataVersion: number;
  noteDataChanged: () => void;
  /** Reads the org list again (after an org was created, renamed or moved, or the demo loaded). */
  noteOrgsChanged: () => void;
  /** Each screen's setup (sort, filters, columns), kept in the open workspace file. */
  screenSetups: ScreenSetups;
}

const AppStateContext = createContext<AppState | null>(null);

export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState must be used inside <AppStateProvider>');
  return state;
}

export function AppStateProvider({ children }: { children: ReactNode }) {
  const [workspaceVersion, setWorkspaceVersion] = useState(0);
  const [dataVersion, setDataVersion] = useState(0);
  const [orgsVersion, setOrgsVersion] = useState(0);
  const workspace = useApiQuery('workspace.info', {}, workspaceVersion);
  const orgsQuery = useApiQuery('orgs.list', {}, `${workspaceVersion}:${orgsVersion}`);
  const [chosenOrg, setChosenOrg] = useState<string | null>(null);
  // undefined: not chosen yet, so the most recent period is picked once periods arrive.
  const [chosenPeriod, setChosenPeriod] = useState<string | null | undefined>(undefined);

  useEffect(() => api.on('workspace-changed', () => setWorkspaceVersion((v) => v + 1)), []);

  // The org and period chosen last in this workspace (screen "app"), read before any screen
  // queries, so a reload comes back to them rather than to the first org's newest month.
  // A new store per workspace file; the previous one stops writing (its file is no longer open).
  const screenSetups = useMemo(() => new ScreenSetups(), [workspaceVersion]);
  const previousSetups = useRef<ScreenSetups | null>(null);
  useEffect(() => {
    if (previousSetups.current !== screenSetups) previousSetups.current?.dispose();
    previousSetups.current = screenSetups;
  }, [screenSetups]);
  const [setupsRead, setSetupsRead] = useState<ScreenSetups | null>(null);
  useEffect(() => {
    let live = true;
    void screenSetups.load('app').then((saved) => {
      if (!live) return;
      setChosenOrg(saved?.orgId ?? null);
      setChosenPeriod(saved && saved.period !== undefined ? saved.period : undefined);
      setSetupsRead(screenSetups);
    });
    const flush = () => screenSetups.flushAll();
    window.addEventListener('pagehide', flush);
    return () => {
      live = false;
      window.removeEventListener('pagehide', flush);
    };
  }, [screenSetups]);
  const selectionRead = setupsRead === screenSetups;
  const chosenByUser = useRef(false);
  useEffect(() => {
    if (!selectionRead || !chosenByUser.current) return;
    screenSetups.save('app', { ...(chosenOrg ? { orgId: chosenOrg } : {}), ...(chosenPeriod !== undefined ? { period: chosenPeriod } : {}) });
  }, [selectionRead, screenSetups, chosenOrg, chosenPeriod]);

  const orgs = useMemo(() => orgsQuery.data?.orgs ?? [], [orgsQuery.data]);
  const orgId = chosenOrg && orgs.some((o) => o.id === chosenOrg) ? chosenOrg : (orgs[0]?.id ?? null);
  // An import can open a new month: periods are asked again after a write.
  const periodsQuery = useApiQuery('periods.list', orgId ? { orgId } : null, `${workspaceVersion}:${dataVersion}`);
  const periodsLoaded = periodsQuery.data !== null && orgId !== null && periodsQuery.dataKey === JSON.stringify({ orgId });
  const periods = useMemo(() => periodsQuery.data?.periods ?? [], [periodsQuery.data]);

  // A month the new org does not have falls back to its most recent one; "all" stays "all".
  let period: string | null;
  if (chosenPeriod === null) period = null;
  else if (chosenPeriod !== undefined && periods.some((p) => p.period === chosenPeriod)) period = chosenPeriod;
  else period = periods[0]?.period ?? null;

  const [view, setView] = useState<AppState['view']>(null);
  useEffect(() => {
    if (!periodsLoaded || orgId === null || !selectionRead) return;
    setView((current) => (current?.orgId === orgId && current.period === period ? current : { orgId, period }));
  }, [periodsLoaded, orgId, period, selectionRead]);

  const selectOrg = useCallback((id: string) => {
    chosenByUser.current = true;
    setChosenOrg(id);
  }, []);
  const selectPeriod = useCallback((value: string | null) => {
    chosenByUser.current = true;
    setChosenPeriod(value);
  }, []);
  const noteDataChanged = useCallback(() => setDataVersion((v) => v + 1), []);
  const noteOrgsChanged = useCallback(() => setOrgsVersion((v) => v + 1), []);
  const { reload: reloadWorkspace } = workspace;
  const { reload: reloadOrgs } = orgsQuery;
  const { reload: reloadPeriods } = periodsQuery;
  const retry = useCallback(() => {
    reloadWorkspace();
    reloadOrgs();
    reloadPeriods();
  }, [reloadWorkspace, reloadOrgs, reloadPeriods]);

  const loading = workspace.loading || orgsQuery.loading || periodsQuery.loading;
  const error = workspace.error ?? orgsQuery.error ?? periodsQuery.error;
  const value = useMemo<AppState>(
    () => ({
      workspace: workspace.data,
      orgs,
      orgsLoaded: orgsQuery.data !== null,
      orgId,
      selectOrg,
      periods,
      periodsLoaded,
      period,
      selectPeriod,
      view,
      loading,
      error,
      retry,
      workspaceVersion,
      dataVersion,
      noteDataChanged,
      noteOrgsChanged,
      screenSetups,
    }),
    [
      workspace.data,
      orgs,
      orgsQuery.data,
      orgId,
      selectOrg,
      periods,
      periodsLoaded,
      period,
      selectPeriod,
      view,
      loading,
      error,
      retry,
      workspaceVersion,
      dataVersion,
      noteDataChanged,
      noteOrgsChanged,
      screenSetups,
    ],
  );
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>;
}

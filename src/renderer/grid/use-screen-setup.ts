import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GridApi, GridState, StateUpdatedEvent } from 'ag-grid-community';
import type { ViewState } from '../../shared/contract/views';
import { useAppState } from '../app/app-state';
import { gridSetupOf, initialGridState, restoreGridSetup } from './grid-setup';

export interface ScreenSetup {
  /** False until the saved setup was read: render the grid only then (initialState is read once). */
  ready: boolean;
  /** The screen's setup as opened (columns the grid no longer has left out). */
  opened: ViewState;
  /** For the grid's initialState. */
  initialState: GridState | undefined;
  /** Columns the saved setup named that the grid no longer has. */
  missing: string[];
  /** Call with the grid whenever its sort, filters or columns changed (onStateUpdated). */
  noteGridChanged: (api: GridApi) => void;
  /** Change the screen's own settings kept with the grid (e.g. includeChildren). */
  update: (changes: Omit<ViewState, 'grid'>) => void;
}

/**
 * A screen's sort, filters and columns (and its own settings), kept per workspace across
 * navigation and reloads: read once before the grid is made, written as the user changes them.
 */
export function useScreenSetup(screen: string, columns: readonly string[]): ScreenSetup {
  const { screenSetups } = useAppState();
  const [saved, setSaved] = useState<ViewState | null | undefined>(() => screenSetups.peek(screen));
  useEffect(() => {
    let live = true;
    if (screenSetups.peek(screen) === undefined) void screenSetups.load(screen).then((state) => live && setSaved(state));
    return () => {
      live = false;
    };
  }, [screenSetups, screen]);

  // Worked out once per read: later changes go to the store, not back into the grid.
  const restored = useMemo(() => {
    if (saved === undefined) return null;
    const fitted = saved?.grid ? restoreGridSetup(saved.grid, columns) : null;
    return { opened: { ...saved, ...(fitted ? { grid: fitted.setup } : {}) }, missing: fitted?.missing ?? [] };
  }, [saved, columns]);

  const current = useRef<ViewState>({});
  useEffect(() => {
    if (restored) current.current = restored.opened;
  }, [restored]);

  const noteGridChanged = useCallback(
    (api: GridApi) => {
      const grid = gridSetupOf(api);
      // A resized window re-flows the flex column and reports it: nothing the user set changed.
      if (JSON.stringify(grid) === JSON.stringify(current.current.grid)) return;
      current.current = { ...current.current, grid };
      screenSetups.save(screen, current.current);
    },
    [screenSetups, screen],
  );
  const update = useCallback(
    (changes: Omit<ViewState, 'grid'>) => {
      current.current = { ...current.current, ...changes };
      screenSetups.save(screen, current.current);
    },
    [screenSetups, screen],
  );

  const initialState = useMemo(() => (restored?.opened.grid ? initialGridState(restored.opened.grid) : undefined), [restored]);
  return {
    ready: restored !== null,
    opened: restored?.opened ?? {},
    initialState,
    missing: restored?.missing ?? [],
    noteGridChanged,
    update,
  };
}

// What changes of a grid's state are the user's setup (not its scroll or focus).
const SETUP_SOURCES = new Set(['columnOrder', 'columnVisibility', 'columnSizing', 'sort', 'filter']);

/** Whether a grid's state change is one the screen's setup keeps. */
export function isSetupChange(event: Pick<StateUpdatedEvent, 'sources'>): boolean {
  return event.sources.some((source) => SETUP_SOURCES.has(source));
}

/** A grid's props that open it as the setup says and keep what the user changes. */
export function setupGridProps<T>(setup: Pick<ScreenSetup, 'initialState' | 'noteGridChanged'>) {
  return {
    initialState: setup.initialState,
    onStateUpdated: (event: StateUpdatedEvent<T>) => {
      if (isSetupChange(event)) setup.noteGridChanged(event.api);
    },
  };
}

import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { api } from '../api/client';

// File > Export (desktop menu) exports "the current view": whichever screen is showing
// registers its export action here, and the menu command calls it.

type ExportAction = () => void;

interface ViewExport {
  register(action: ExportAction): () => void;
}

const ViewExportContext = createContext<ViewExport | null>(null);

export function ViewExportProvider({ children }: { children: ReactNode }) {
  const current = useRef<ExportAction | null>(null);
  useEffect(
    () =>
      api.on('menu', (command) => {
        if (command === 'export-view') current.current?.();
      }),
    [],
  );
  const value = useMemo<ViewExport>(
    () => ({
      register(action) {
        current.current = action;
        return () => {
          if (current.current === action) current.current = null;
        };
      },
    }),
    [],
  );
  return <ViewExportContext.Provider value={value}>{children}</ViewExportContext.Provider>;
}

/** Makes `action` what File > Export runs while this screen is shown. */
export function useViewExport(action: ExportAction): void {
  const context = useContext(ViewExportContext);
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => context?.register(() => latest.current()), [context]);
}

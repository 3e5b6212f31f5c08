import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ImportCommitResult } from '../../../shared/contract/import-files';
import { api } from '../../api/client';
import { DropOverlay, useFileDrop } from './DropOverlay';
import { ImportWizard, type HandedFile } from './wizard/ImportWizard';
import '../../styles/imports.css';

interface ImportWizardControl {
  /** Opens the wizard (with a file, when one was dropped or picked already). */
  open: (file?: File) => void;
  /** Changes after an import or an undo, so lists of batches reload. */
  importsVersion: number;
  noteImportsChanged: () => void;
  /** A batch the user asked to see (from the wizard's last step); the Imports screen selects it. */
  requestedBatch: { batchId: number; serial: number } | null;
}

const ImportWizardContext = createContext<ImportWizardControl | null>(null);

export function useImportWizard(): ImportWizardControl {
  const control = useContext(ImportWizardContext);
  if (!control) throw new Error('useImportWizard must be used inside <ImportWizardProvider>');
  return control;
}

interface ImportWizardProviderProps {
  /** Shows the Imports area (the wizard's "Show batch"). */
  onShowImports: () => void;
  children: ReactNode;
}

/**
 * One wizard for the whole window: File > Import (desktop menu), a file dropped anywhere,
 * and the Imports screen's button all open it.
 */
export function ImportWizardProvider({ onShowImports, children }: ImportWizardProviderProps) {
  const [session, setSession] = useState<{ id: number; handed: HandedFile | null } | null>(null);
  const [importsVersion, setImportsVersion] = useState(0);
  const [requestedBatch, setRequestedBatch] = useState<ImportWizardControl['requestedBatch']>(null);
  const busy = useRef(false);
  const serial = useRef(0);

  const open = useCallback((file?: File) => {
    // A commit in flight keeps its wizard; a dropped file must not replace it halfway.
    if (busy.current) return;
    serial.current += 1;
    const handed = file ? { file, serial: serial.current } : null;
    setSession((current) => (current ? (handed ? { ...current, handed } : current) : { id: serial.current, handed }));
  }, []);

  useEffect(
    () =>
      api.on('menu', (command) => {
        if (command === 'import-file') open();
      }),
    [open],
  );
  const dragging = useFileDrop(open);

  const close = useCallback(() => {
    busy.current = false;
    setSession(null);
  }, []);
  const noteImportsChanged = useCallback(() => setImportsVersion((v) => v + 1), []);
  const onCommitted = useCallback((_result: ImportCommitResult) => noteImportsChanged(), [noteImportsChanged]);
  const onBusyChange = useCallback((value: boolean) => {
    busy.current = value;
  }, []);
  const onShowBatch = useCallback(
    (batchId: number) => {
      serial.current += 1;
      setRequestedBatch({ batchId, serial: serial.current });
      onShowImports();
      close();
    },
    [onShowImports, close],
  );

  const control = useMemo<ImportWizardControl>(
    () => ({ open, importsVersion, noteImportsChanged, requestedBatch }),
    [open, importsVersion, noteImportsChanged, requestedBatch],
  );

  return (
    <ImportWizardContext.Provider value={control}>
      {children}
      {dragging && <DropOverlay />}
      {session && (
        <ImportWizard key={session.id} handedFile={session.handed} onClose={close} onCommitted={onCommitted} onShowBatch={onShowBatch} onBusyChange={onBusyChange} />
      )}
    </ImportWizardContext.Provider>
  );
}

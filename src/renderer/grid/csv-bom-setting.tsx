import { useSyncExternalStore } from 'react';

// Whether CSV exports start with a UTF-8 byte-order mark: on by default, since Excel on
// Windows reads a file without one as the system code page ("MÃ¼ller"); some other tools
// show the mark as a stray character, so it can be turned off. Kept in localStorage.

export const CSV_BOM_KEY = 'closebook.csvBom';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return globalThis.localStorage?.getItem(CSV_BOM_KEY) !== 'false';
  } catch {
    return true;
  }
}

let bom = read();

function setCsvBom(on: boolean): void {
  bom = on;
  try {
    globalThis.localStorage?.setItem(CSV_BOM_KEY, String(on));
  } catch {
    // Applies now, not kept.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True: exports start with a BOM (the default). */
export function useCsvBom(): boolean {
  return useSyncExternalStore(subscribe, () => bom);
}

/** The setting, for an export's options (the Columns panel). */
export function CsvBomToggle() {
  const on = useCsvBom();
  return (
    <label className="set-filter-option" title="Excel needs the byte-order mark to read names like Müller correctly; some other programs show it as a stray character.">
      <input type="checkbox" checked={on} onChange={(event) => setCsvBom(event.target.checked)} data-testid="csv-bom" />
      <span>CSV for Excel (UTF-8 with byte-order mark)</span>
    </label>
  );
}

import { useCallback, useSyncExternalStore } from 'react';

// "Show exact amounts": one setting for every screen, kept in localStorage. A small store
// rather than a context, so it needs no provider in the shell, and every component reading
// it (grid cells included: AG Grid renders them outside the page's props) re-renders when
// it changes, in this window and in any other window of the app.

export const EXACT_AMOUNTS_KEY = 'closebook.exactAmounts';

const listeners = new Set<() => void>();

function readExact(): boolean {
  try {
    return globalThis.localStorage?.getItem(EXACT_AMOUNTS_KEY) === 'true';
  } catch {
    return false; // storage refused (e.g. a locked-down profile): the default
  }
}

let exact = readExact();

function setExactAmounts(on: boolean): void {
  if (on === exact) return;
  exact = on;
  try {
    globalThis.localStorage?.setItem(EXACT_AMOUNTS_KEY, String(on));
  } catch {
    // Not kept across launches, but still applies now.
  }
  for (const listener of listeners) listener();
}

// The setting changed in another window of the app.
function onStorage(event: StorageEvent): void {
  if (event.key !== EXACT_AMOUNTS_KEY) return;
  exact = readExact();
  for (const listener of listeners) listener();
}

// Every amount on screen subscribes (grid cells too), so the window listener is added once.
function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) globalThis.addEventListener?.('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) globalThis.removeEventListener?.('storage', onStorage);
  };
}

export interface MoneyDisplay {
  /** True: every amount is shown with all its stored digits, not rounded to the minor unit. */
  exact: boolean;
  setExact(on: boolean): void;
}

export function useMoneyDisplay(): MoneyDisplay {
  const current = useSyncExternalStore(subscribe, () => exact);
  const setExact = useCallback((on: boolean) => setExactAmounts(on), []);
  return { exact: current, setExact };
}

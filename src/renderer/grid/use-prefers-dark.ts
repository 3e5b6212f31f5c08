import { useSyncExternalStore } from 'react';

const query = window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(onChange: () => void): () => void {
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Follows the system's light/dark setting live (the CSS does the same for the shell). */
export function usePrefersDark(): boolean {
  return useSyncExternalStore(subscribe, () => query.matches);
}

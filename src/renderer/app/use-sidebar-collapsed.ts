import { useCallback, useState } from 'react';

// The sidebar folds to a rail of area icons (more room for a grid's columns). The choice is
// kept in localStorage; without one, a window narrower than 1200 px starts folded.

export const SIDEBAR_COLLAPSED_KEY = 'closebook.sidebarCollapsed';

function initial(): boolean {
  try {
    const kept = globalThis.localStorage?.getItem(SIDEBAR_COLLAPSED_KEY);
    if (kept === 'true' || kept === 'false') return kept === 'true';
  } catch {
    // storage refused: fall through to the window's width
  }
  return globalThis.innerWidth < 1200;
}

export function useSidebarCollapsed(): [boolean, () => void] {
  const [collapsed, setCollapsed] = useState(initial);
  const toggle = useCallback(() => {
    setCollapsed((current) => {
      try {
        globalThis.localStorage?.setItem(SIDEBAR_COLLAPSED_KEY, String(!current));
      } catch {
        // applies now, not kept
      }
      return !current;
    });
  }, []);
  return [collapsed, toggle];
}

/**
 * The app's areas, in sidebar order; Alt+1..8 follows this order and Alt+9 is the last area
 * (as Ctrl+9 is a browser's last tab). Organizations comes last, as settings do, so it keeps
 * Alt+9 however many areas come before it.
 */
export const AREAS = [
  { id: 'revenues', label: 'Revenues', enabled: true },
  { id: 'imports', label: 'Imports', enabled: true },
  { id: 'rules', label: 'Rules', enabled: true },
  { id: 'payouts', label: 'Payouts', enabled: true },
  { id: 'payees', label: 'Payees', enabled: true },
  { id: 'products', label: 'Products', enabled: true },
  { id: 'reconciliation', label: 'Reconciliation', enabled: true },
  { id: 'statements', label: 'Statements', enabled: true },
  { id: 'reports', label: 'Reports', enabled: true },
  { id: 'close', label: 'Close', enabled: true },
  { id: 'sync', label: 'Sync', enabled: true },
  { id: 'orgs', label: 'Organizations', enabled: true },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];
export type Area = (typeof AREAS)[number];

/** The digit of an area's Alt shortcut: 1..8 for the first eight, 9 for the last; null for the others. */
export function shortcutDigit(index: number): number | null {
  if (index === AREAS.length - 1) return 9;
  return index < 8 ? index + 1 : null;
}

/** The area an Alt+digit opens. */
export function areaOfDigit(digit: number): Area | undefined {
  return digit === 9 ? AREAS[AREAS.length - 1] : AREAS[digit - 1];
}

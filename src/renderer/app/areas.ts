/**
 * The app's areas, in sidebar order; Alt+1..9 follows this order. Organizations comes last,
 * as settings do, so the shortcuts of the areas before it stay as they were.
 */
export const AREAS = [
  { id: 'revenues', label: 'Revenues', enabled: true },
  { id: 'imports', label: 'Imports', enabled: true },
  { id: 'rules', label: 'Rules', enabled: true },
  { id: 'payouts', label: 'Payouts', enabled: true },
  { id: 'reconciliation', label: 'Reconciliation', enabled: false },
  { id: 'statements', label: 'Statements', enabled: false },
  { id: 'reports', label: 'Reports', enabled: false },
  { id: 'close', label: 'Close', enabled: false },
  { id: 'orgs', label: 'Organizations', enabled: true },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];
export type Area = (typeof AREAS)[number];

import type { AreaId } from './areas';

// Simple 16px line icons, drawn with currentColor so they follow the theme.
const PATHS: Record<AreaId, string> = {
  revenues: 'M2 13h12M4 11V7m4 4V4m4 7V8',
  imports: 'M8 2v8m-3-3 3 3 3-3M3 12v2h10v-2',
  rules: 'M3 3h10M3 8h4m2 0h4M3 13h10M6 6v4m4-4v4',
  payouts: 'M2 5h12v7H2zM2 8h12M5 11h2',
  payees: 'M8 7a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM3 14c0-2.8 2.2-4.5 5-4.5s5 1.7 5 4.5',
  products: 'M2 5l6-3 6 3v6l-6 3-6-3zM2 5l6 3 6-3M8 8v6',
  reconciliation: 'M3 5h7m0 0-2-2m2 2-2 2M13 11H6m0 0 2-2m-2 2 2 2',
  statements: 'M4 2h6l3 3v9H4zM6 7h5M6 10h5',
  reports: 'M3 14V2m0 12h11M6 11V8m3 3V5m3 6V7',
  close: 'M3 8.5 6.5 12 13 4',
  sync: 'M13 6A5 5 0 0 0 3.5 5M3 10a5 5 0 0 0 9.5 1M3.5 2v3h3M12.5 14v-3h-3',
  orgs: 'M6 2h4v3H6zM8 5v3M3 11V8h10v3M1.5 11h3v3h-3zM6.5 11h3v3h-3zM11.5 11h3v3h-3z',
};

export function AreaIcon({ area }: { area: AreaId }) {
  return (
    <svg className="area-icon" aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[area]} />
    </svg>
  );
}

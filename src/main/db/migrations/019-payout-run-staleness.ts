import type { Migration } from './types';

// A month's run carries its closing balances into the next month's opening. When an
// earlier month is run again and its closing balances change, the runs of the months after
// it were built on old balances: they are marked stale (with why) rather than silently
// kept, until they are run again.
export const payoutRunStaleness: Migration = {
  id: 19,
  name: 'payout-run-staleness',
  sql: `
    ALTER TABLE payout_runs ADD COLUMN stale_reason TEXT;
  `,
};

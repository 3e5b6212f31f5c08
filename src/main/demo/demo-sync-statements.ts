import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import { cycleContaining } from '../statements/billing-cycle';
import { orgBilling } from '../statements/billing-settings';
import { currencySymbol } from '../statements/display';
import { COST_FIELDS, PRICE_UNITS, readStatement } from '../sync/sources/statements';
import { storeDemoRun } from './demo-sync-run';
import type { SeededRandom } from './random';

// The statements source (seed 004) of one demo org, synced once. The server lists, newest
// first, in the seed's display strings: the current cycle (metered further there than here:
// a conflict with the statement generated here), the demo year's fixed cycles (generated
// here and fixed: blocked) and the three cycles before the demo year, which only the server
// has: they land as synced statements. Each goes through the adapter's own reader.

interface LocalStatement {
  date_start: string;
  date_end: string;
  is_current: number;
  is_subscription: number;
  seats: number;
  record_count: number;
  version_count: number;
  file_size_mb: number;
  [column: string]: unknown;
}

/** The seed's display of an amount: "$1,234.50" (at least the minor units); a price "$0.0025/record". */
function display(symbol: string, micros: number, unit = ''): string {
  const [whole, fraction = ''] = microsToDecimal(micros).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (unit) return `${symbol}${grouped}${fraction === '00' ? '' : `.${fraction}`}${unit}`;
  return `${symbol}${grouped}.${fraction.padEnd(2, '0')}`;
}

function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** One statement as the seed's detail serializer shows it. */
function serverStatement(sid: string, symbol: string, s: LocalStatement): Record<string, unknown> {
  const raw: Record<string, unknown> = {
    sid,
    date_start: s.date_start,
    date_end: s.date_end,
    seats: s.seats,
    record_count: s.record_count,
    version_count: s.version_count,
    file_size: `${s.file_size_mb.toLocaleString('en-US')} MB`,
    is_current: s.is_current === 1,
    is_subscription: s.is_subscription === 1,
  };
  for (const field of COST_FIELDS) raw[field] = display(symbol, s[`${field}_micros`] as number);
  for (const [field, unit] of Object.entries(PRICE_UNITS)) raw[field] = display(symbol, s[`${field}_micros`] as number, unit);
  return raw;
}

export function syncDemoStatementsSource(db: Database.Database, random: SeededRandom, orgId: string, at: string): void {
  const local = db.prepare("SELECT * FROM statements WHERE org_id = ? AND origin = 'local' ORDER BY date_start DESC").all(orgId) as LocalStatement[];
  if (local.length === 0) return;
  const { currency, anchorDay: anchor } = orgBilling(db, orgId);
  const symbol = currencySymbol(currency).trim();
  const sid = () => `st_${random.uuid().replace(/-/g, '').slice(0, 20)}`;
  const served: Array<Record<string, unknown>> = [];
  for (const s of local) {
    if (s.is_current === 1) {
      // The server has metered 1,200 more records this cycle.
      const extra = 1_200 * (s.ppu_price_micros as number);
      served.push(
        serverStatement(sid(), symbol, {
          ...s,
          record_count: s.record_count + 1_200,
          ppu_cost_micros: (s.ppu_cost_micros as number) + extra,
          total_micros: (s.total_micros as number) + extra,
        }),
      );
    } else served.push(serverStatement(sid(), symbol, s));
  }
  // Before the demo year: the first cycle's plan, a few seats fewer each cycle back.
  let oldest = local[local.length - 1];
  for (let back = 1; back <= 3; back++) {
    const cycle = cycleContaining(dayBefore(oldest.date_start), anchor);
    const seats = Math.max(1, oldest.seats - 1);
    const subscription = seats * (oldest.subscription_price_micros as number);
    const total = (oldest.total_micros as number) - (oldest.subscription_cost_micros as number) + subscription;
    oldest = {
      ...oldest,
      date_start: cycle.start,
      date_end: cycle.end,
      is_current: 0,
      seats,
      subscription_cost_micros: subscription,
      total_micros: total,
      available_credits_micros: 0,
    };
    served.push(serverStatement(sid(), symbol, oldest));
  }
  const records = served.map((raw, i) => readStatement(raw, i + 1));
  const fixed = local.find((s) => s.is_current === 0);
  storeDemoRun(
    db,
    orgId,
    'statements',
    {
      entities: [{ entity: 'statements', records }],
      cursors: fixed ? { fixed_through: fixed.date_start } : {},
    },
    at,
    at.replace(/:\d\dZ$/, ':05Z'),
  );
}

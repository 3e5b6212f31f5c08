import type { Period } from '../../shared/period';
import { addMonths } from '../../shared/period';
import type { Database } from '../db/driver';
import type { SeededRandom } from './random';

// A year of showback data for the demo's parent org (issue 12): commitments it holds for the
// group, and usage per month of its and its children's accounts and services. Shaped so the
// reports show every case: a proportional commitment running all year, an EUR one for the
// European arm, a commitment bought mid-year with fixed shares per child org, amounts with
// sub-cent parts that leave remainders to place, and one month in which no USD usage was
// covered (the USD commitment is an unallocated row that month). Its own random stream.

interface DemoOrgRef {
  id: string;
  currency: string;
  parent_id: string | null;
}

const SERVICES = ['Compute', 'Database', 'Storage', 'Analytics'];

export interface DemoShowbackCounts {
  commitments: number;
  usage: number;
}

/** micro-units around `units`, with a sub-cent part (metered usage is priced finer than cents). */
function around(random: SeededRandom, units: number, spreadPercent: number): number {
  const factor = 1 + random.between(-spreadPercent * 100, spreadPercent * 100) / 10_000;
  return Math.round(units * factor * 100) * 10_000 + random.between(0, 9_999);
}

export function writeDemoShowback(db: Database.Database, random: SeededRandom, orgs: readonly DemoOrgRef[], months: readonly Period[]): DemoShowbackCounts {
  const parent = orgs.find((o) => o.parent_id === null)!;
  const children = orgs.filter((o) => o.parent_id === parent.id);
  const euArm = children.find((o) => o.currency === 'EUR') ?? null;
  const first = months[0];
  const midYear = months[Math.floor(months.length / 2)];
  // The month no USD usage was covered: the commitments lapsed in the records for a month.
  const uncovered = months[Math.min(3, months.length - 1)];
  const at = (period: Period) => `${period}-28T09:00:00Z`;

  const insertCommitment = db.prepare(
    `INSERT INTO showback_commitments (org_id, external_id, name, currency, purchase_date, term_start, term_end, monthly_premium_micros,
       commitment_cost_micros, rebates_micros, allocation_method, fixed_shares, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Written once: created and updated at the same time.
  const commitment = { run: (...values: Array<string | number | null>) => insertCommitment.run(...values, values[values.length - 1]) };
  const termEnd = (period: Period, months: number) => {
    const end = addMonths(period, months);
    return `${end}-${new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)), 0)).getUTCDate()}`;
  };
  let commitments = 0;
  // Three years, bought before the demo's year: 12,500.00 upfront over 36 months is 347.222222 a month.
  commitment.run(parent.id, 'sp-compute-3y', 'Compute savings plan (3 years)', 'USD', `${addMonths(first, -7)}-14`, `${addMonths(first, -6)}-01`,
    termEnd(first, 29), 8_333_330_000 + random.between(0, 9_999), 347_222_222, 41_666_667, 'proportional', null, at(addMonths(first, -7)));
  commitments++;
  // Bought mid-year, shared by agreement: the US arm 70%, the European arm 20%, the parent 10%.
  const shares = children.map((c) => ({ target: c.id, percent: c === euArm ? '20.00' : '70.00' }));
  if (shares.length === 2) shares.push({ target: parent.id, percent: '10.00' });
  const fixed = shares.length > 0 ? JSON.stringify({ dimension: 'child_org', shares: shares.length === 1 ? [{ target: shares[0].target, percent: '100.00' }] : shares }) : null;
  commitment.run(parent.id, 'ri-database-1y', 'Database reserved capacity (1 year)', 'USD', `${addMonths(midYear, -1)}-20`, `${midYear}-01`, termEnd(midYear, 11),
    2_000_010_000, 0, 33_333_333, fixed ? 'fixed' : 'even', fixed, at(addMonths(midYear, -1)));
  commitments++;
  if (euArm) {
    commitment.run(parent.id, 'cud-storage-eu', 'Storage commitment (EU)', 'EUR', `${addMonths(first, -1)}-10`, `${first}-01`, termEnd(first, 23),
      999_990_000, 0, 12_345_678, 'even', null, at(addMonths(first, -1)));
    commitments++;
  }

  const usage = db.prepare(
    `INSERT INTO showback_usage (org_id, month, account, service, child_org_id, currency, on_demand_cost_micros, covered_cost_micros, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const accounts = [parent, ...children].flatMap((org, i) =>
    Array.from({ length: org === parent ? 1 : 2 }, (_, j) => ({ org, name: `${String(100_000_000_000 + random.below(900_000_000_000) + i * 7 + j).padStart(12, '0')}` })),
  );
  let rows = 0;
  for (const month of months) {
    for (const account of accounts) {
      const currency = account.org === euArm ? 'EUR' : 'USD';
      for (const service of random.sample(SERVICES, 3)) {
        const size = random.between(800, 6_000);
        const noCover = currency === 'USD' && month === uncovered;
        const covered = noCover ? 0 : around(random, size * 0.7, 20);
        const onDemand = around(random, noCover ? size : size * 0.3, 30);
        usage.run(parent.id, month, account.name, service, account.org.id, currency, onDemand, covered, at(month), at(month));
        rows++;
      }
    }
  }
  return { commitments, usage: rows };
}

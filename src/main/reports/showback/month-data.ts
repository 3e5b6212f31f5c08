import type Database from 'better-sqlite3';
import type { ShowbackDimension } from '../../../shared/contract/showback';
import { decimalToMicros } from '../../../shared/money';
import { monthsBetween } from '../../showback/batch';
import { allocateMonth, type AllocationMethod, type CommitmentMonth, type ShowbackLine, type TargetUsage } from './allocate';

// The stored commitments and usage of one org and month, read as allocateMonth's inputs for
// one dimension (account, service or child org), and the months the org has data for.

/** as_committed: each commitment's own method; otherwise every commitment is spread this way. */
export type MethodChoice = 'as_committed' | 'proportional' | 'even';

interface CommitmentRow {
  external_id: string;
  currency: string;
  monthly_premium_micros: number;
  commitment_cost_micros: number;
  rebates_micros: number;
  allocation_method: AllocationMethod;
  fixed_shares: string | null;
}

interface UsageRow {
  account: string;
  service: string;
  child_org_id: string;
  currency: string;
  on_demand_cost_micros: number;
  covered_cost_micros: number;
}

/**
 * A child-org report is read from the org's place in the tree: usage of an org deeper
 * down counts for the org's direct child it sits under, the org's own for the org.
 */
export function directChildOf(db: Database.Database, orgId: string): (id: string) => string {
  const rows = db
    .prepare(
      `WITH RECURSIVE below(id, top) AS (
         SELECT id, id FROM orgs WHERE parent_id = ?
         UNION ALL SELECT o.id, below.top FROM orgs o JOIN below ON o.parent_id = below.id)
       SELECT id, top FROM below`,
    )
    .all(orgId) as Array<{ id: string; top: string }>;
  const top = new Map(rows.map((r) => [r.id, r.top]));
  return (id) => top.get(id) ?? orgId;
}

export function showbackLines(
  db: Database.Database,
  orgId: string,
  month: string,
  dimension: ShowbackDimension,
  { currency, method }: { currency: string | null; method: MethodChoice },
): ShowbackLine[] {
  const first = `${month}-01`;
  const last = `${month}-31`;
  const commitments = db
    .prepare(
      `SELECT external_id, currency, monthly_premium_micros, commitment_cost_micros, rebates_micros, allocation_method, fixed_shares
       FROM showback_commitments WHERE org_id = ? AND term_start <= ? AND term_end >= ? AND (? IS NULL OR currency = ?) ORDER BY external_id`,
    )
    .all(orgId, last, first, currency, currency) as CommitmentRow[];
  const usage = db
    .prepare(
      `SELECT account, service, child_org_id, currency, on_demand_cost_micros, covered_cost_micros
       FROM showback_usage WHERE org_id = ? AND month = ? AND (? IS NULL OR currency = ?)`,
    )
    .all(orgId, month, currency, currency) as UsageRow[];
  const targetOf = targetReader(db, orgId, dimension);
  const targets: TargetUsage[] = usage.map((u) => ({
    target: targetOf(u),
    currency: u.currency,
    on_demand: BigInt(u.on_demand_cost_micros),
    covered: BigInt(u.covered_cost_micros),
  }));
  const rollUp = dimension === 'child_org' ? directChildOf(db, orgId) : (id: string) => id;
  return allocateMonth(
    commitments.map((c) => commitmentMonth(c, dimension, method, rollUp)),
    targets,
  );
}

function targetReader(db: Database.Database, orgId: string, dimension: ShowbackDimension): (u: UsageRow) => string {
  if (dimension === 'account') return (u) => u.account;
  if (dimension === 'service') return (u) => u.service;
  const top = directChildOf(db, orgId);
  return (u) => top(u.child_org_id);
}

function commitmentMonth(c: CommitmentRow, dimension: ShowbackDimension, choice: MethodChoice, rollUp: (id: string) => string): CommitmentMonth {
  const month: CommitmentMonth = {
    key: c.external_id,
    currency: c.currency,
    premium: BigInt(c.monthly_premium_micros),
    rebates: BigInt(c.rebates_micros),
    commitment_cost: BigInt(c.commitment_cost_micros),
    method: choice === 'as_committed' ? c.allocation_method : choice,
  };
  if (month.method !== 'fixed') return month;
  const fixed = JSON.parse(c.fixed_shares!) as { dimension: ShowbackDimension; shares: Array<{ target: string; percent: string }> };
  // Fixed shares name targets of one dimension; a report of another is spread in proportion to covered usage.
  if (fixed.dimension !== dimension) return { ...month, method: 'proportional' };
  const weights = new Map<string, bigint>();
  for (const share of fixed.shares) {
    const target = rollUp(share.target);
    weights.set(target, (weights.get(target) ?? 0n) + decimalToMicros(share.percent));
  }
  return { ...month, fixedShares: [...weights].map(([target, weight]) => ({ target, weight })) };
}

/** Months (YYYY-MM) with a commitment in its term or usage, for the currency or all. */
export function showbackMonths(db: Database.Database, orgId: string, currency: string | null): string[] {
  const months = new Set(
    db.prepare('SELECT DISTINCT month FROM showback_usage WHERE org_id = ? AND (? IS NULL OR currency = ?)').pluck().all(orgId, currency, currency) as string[],
  );
  const terms = db
    .prepare('SELECT substr(term_start, 1, 7) AS first, substr(term_end, 1, 7) AS last FROM showback_commitments WHERE org_id = ? AND (? IS NULL OR currency = ?)')
    .all(orgId, currency, currency) as Array<{ first: string; last: string }>;
  for (const { first, last } of terms) for (const month of monthsBetween(first, last)) months.add(month);
  return [...months].sort();
}

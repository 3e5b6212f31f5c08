import type { ImportOperation } from '../../shared/contract/imports';
import {
  SHOWBACK_ALLOCATION_METHODS,
  SHOWBACK_DIMENSIONS,
  type CommitmentInput,
  type CommitmentRow,
  type ShowbackDimension,
} from '../../shared/contract/showback';
import { decimalToMicros, MoneyError, microsToDecimal } from '../../shared/money';
import { lockedMonthMessage } from '../imports/records/period-locks';
import type { Database } from '../db/driver';
import { orgAndDescendants } from '../orgs/org-subtree';
import { finalizedMonths, monthsBetween, type RecordApplier } from './batch';
import { readAmount, readChoice, readCurrency, readDay, readText, RecordProblem, refuseUnknownFields, type Raw } from './record-readers';

const FIELDS = [
  'external_id',
  'name',
  'currency',
  'purchase_date',
  'term_start',
  'term_end',
  'monthly_premium',
  'commitment_cost',
  'rebates',
  'allocation_method',
  'fixed_shares',
] as const satisfies ReadonlyArray<keyof CommitmentInput>;

const HUNDRED_PERCENT = 100_000_000n; // 100 in micro-units

export interface FixedShares {
  dimension: ShowbackDimension;
  shares: Array<{ target: string; percent: string }>;
}

interface StoredCommitment {
  id: number;
  external_id: string;
  name: string;
  currency: string;
  purchase_date: string;
  term_start: string;
  term_end: string;
  monthly_premium_micros: number;
  commitment_cost_micros: number;
  rebates_micros: number;
  allocation_method: string;
  fixed_shares: string | null;
}

export type Values = Omit<StoredCommitment, 'id'>;
export const VALUE_COLUMNS = ['name', 'currency', 'purchase_date', 'term_start', 'term_end', 'monthly_premium_micros', 'commitment_cost_micros', 'rebates_micros', 'allocation_method', 'fixed_shares'] as const;
export const FIELD_OF: Record<string, string> = { monthly_premium_micros: 'monthly_premium', commitment_cost_micros: 'commitment_cost', rebates_micros: 'rebates' };

/** Reads and checks one commitment record; throws a RecordProblem naming the field at fault. */
export function readCommitment(raw: Raw, orgCurrency: string, orgsBelow: ReadonlySet<string>): Values {
  refuseUnknownFields(raw, FIELDS);
  const external_id = readText(raw, 'external_id')!;
  const name = readText(raw, 'name')!;
  const currency = readCurrency(raw, 'currency', orgCurrency);
  const purchase_date = readDay(raw, 'purchase_date');
  const term_start = readDay(raw, 'term_start');
  const term_end = readDay(raw, 'term_end');
  if (term_end < term_start) throw new RecordProblem('term_end', `${term_end} is before term_start ${term_start}: a term ends on or after its start`);
  if (purchase_date > term_start) throw new RecordProblem('purchase_date', `${purchase_date} is after term_start ${term_start}: a commitment is bought before its term starts`);
  const monthly_premium_micros = readAmount(raw, 'monthly_premium');
  const commitment_cost_micros = readAmount(raw, 'commitment_cost', 0);
  const rebates_micros = readAmount(raw, 'rebates', 0);
  const allocation_method = readChoice(raw, 'allocation_method', SHOWBACK_ALLOCATION_METHODS, 'proportional');
  const given = raw.fixed_shares;
  if (allocation_method !== 'fixed' && given !== undefined && given !== null) {
    throw new RecordProblem('fixed_shares', `applies to allocation_method fixed only (this commitment's is ${allocation_method})`);
  }
  const fixed_shares = allocation_method === 'fixed' ? JSON.stringify(readFixedShares(given, orgsBelow)) : null;
  return { external_id, name, currency, purchase_date, term_start, term_end, monthly_premium_micros, commitment_cost_micros, rebates_micros, allocation_method, fixed_shares };
}

function readFixedShares(value: unknown, orgsBelow: ReadonlySet<string>): FixedShares {
  const field = 'fixed_shares';
  if (value === undefined || value === null) throw new RecordProblem(field, 'is required with allocation_method fixed: {dimension, shares: [{target, percent}]}');
  if (typeof value !== 'object' || Array.isArray(value)) throw new RecordProblem(field, 'must be an object {dimension, shares: [{target, percent}]}');
  const { dimension, shares, ...rest } = value as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw new RecordProblem(`${field}.${extra}`, 'is not a field of fixed_shares (dimension, shares)');
  if (typeof dimension !== 'string' || !(SHOWBACK_DIMENSIONS as readonly string[]).includes(dimension)) {
    throw new RecordProblem(`${field}.dimension`, `must be one of ${SHOWBACK_DIMENSIONS.join(', ')}`);
  }
  if (!Array.isArray(shares) || shares.length === 0 || shares.length > 1000) throw new RecordProblem(`${field}.shares`, 'must be a list of 1 to 1000 {target, percent}');
  const seen = new Set<string>();
  let sum = 0n;
  const read = shares.map((share: unknown, i) => {
    const at = `${field}.shares.${i}`;
    if (typeof share !== 'object' || share === null || Array.isArray(share)) throw new RecordProblem(at, 'must be an object {target, percent}');
    const s = share as Raw;
    refuseUnknownFields(s, ['target', 'percent']);
    const target = readText(s, 'target', { max: 200 })!;
    if (seen.has(target)) throw new RecordProblem(`${at}.target`, `${target} has a share already`);
    seen.add(target);
    if (dimension === 'child_org' && !orgsBelow.has(target)) throw new RecordProblem(`${at}.target`, `"${target}" is not this org or an org below it`);
    if (typeof s.percent !== 'string') throw new RecordProblem(`${at}.percent`, 'must be a decimal string such as "33.5"');
    let micros: bigint;
    try {
      micros = decimalToMicros(s.percent.trim());
    } catch (error) {
      if (error instanceof MoneyError) throw new RecordProblem(`${at}.percent`, error.message);
      throw error;
    }
    if (micros <= 0n) throw new RecordProblem(`${at}.percent`, `must be more than 0 (${s.percent})`);
    sum += micros;
    return { target, percent: microsToDecimal(micros) };
  });
  if (sum !== HUNDRED_PERCENT) throw new RecordProblem(`${field}.shares`, `the percentages add up to ${microsToDecimal(sum)}, not exactly 100`);
  return { dimension: dimension as ShowbackDimension, shares: read };
}

/** Applies commitment records of one org (upsert by external_id). */
export function commitmentApplier(db: Database.Database, orgId: string, operation: ImportOperation, now: string): RecordApplier {
  const orgCurrency = db.prepare('SELECT currency FROM orgs WHERE id = ?').pluck().get(orgId) as string;
  const orgsBelow = new Set(orgAndDescendants(db, orgId));
  const locked = finalizedMonths(db, orgId);
  const find = db.prepare(`SELECT id, external_id, ${VALUE_COLUMNS.join(', ')} FROM showback_commitments WHERE org_id = ? AND external_id = ?`);
  const insert = db.prepare(
    `INSERT INTO showback_commitments (org_id, external_id, ${VALUE_COLUMNS.join(', ')}, created_at, updated_at)
     VALUES (?, ?, ${VALUE_COLUMNS.map(() => '?').join(', ')}, ?, ?)`,
  );
  const update = db.prepare(`UPDATE showback_commitments SET ${VALUE_COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`);
  const lockedIn = (v: Pick<Values, 'term_start' | 'term_end'>) => monthsBetween(v.term_start, v.term_end).find((m) => locked.has(m));

  return (index, raw, seen) => {
    const v = readCommitment(raw, orgCurrency, orgsBelow);
    const earlier = seen.get(v.external_id);
    if (earlier !== undefined) throw new RecordProblem('external_id', `${v.external_id} is the commitment of record ${earlier} of this call already`);
    seen.set(v.external_id, index);
    const stored = find.get(orgId, v.external_id) as StoredCommitment | undefined;
    const key = { index, external_id: v.external_id };
    if (stored && operation === 'create_only') return { ...key, status: 'skipped_duplicate', existing_id: stored.id };
    if (!stored) {
      if (operation === 'update_only') throw new RecordProblem('external_id', `no commitment ${v.external_id} to update`);
      const month = lockedIn(v);
      if (month) return { ...key, status: 'blocked_locked_period', error: { field: 'term_start', message: lockedMonthMessage(month) } };
      const result = insert.run(orgId, v.external_id, ...VALUE_COLUMNS.map((c) => v[c]), now, now);
      return { ...key, status: 'created', id: Number(result.lastInsertRowid) };
    }
    const changed = VALUE_COLUMNS.filter((c) => v[c] !== stored[c]);
    if (changed.length === 0) return { ...key, status: 'unchanged', id: stored.id };
    // A change reaches every month of the old term and of the new: none may be finalized.
    const month = lockedIn(stored) ?? lockedIn(v);
    if (month) return { ...key, status: 'blocked_locked_period', existing_id: stored.id, error: { field: 'term_start', message: lockedMonthMessage(month) } };
    update.run(...VALUE_COLUMNS.map((c) => v[c]), now, stored.id);
    return { ...key, status: 'updated', id: stored.id, changes: changed.map((c) => FIELD_OF[c] ?? c) };
  };
}

export function listCommitments(db: Database.Database, orgId: string): CommitmentRow[] {
  const rows = db
    .prepare(`SELECT id, external_id, ${VALUE_COLUMNS.join(', ')} FROM showback_commitments WHERE org_id = ? ORDER BY term_start, external_id`)
    .all(orgId) as StoredCommitment[];
  return rows.map((r) => ({
    id: r.id,
    external_id: r.external_id,
    name: r.name,
    currency: r.currency,
    purchase_date: r.purchase_date,
    term_start: r.term_start,
    term_end: r.term_end,
    monthly_premium: microsToDecimal(r.monthly_premium_micros),
    commitment_cost: microsToDecimal(r.commitment_cost_micros),
    rebates: microsToDecimal(r.rebates_micros),
    allocation_method: r.allocation_method as CommitmentRow['allocation_method'],
    fixed_shares: r.fixed_shares === null ? null : (JSON.parse(r.fixed_shares) as FixedShares),
  }));
}

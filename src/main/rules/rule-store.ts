import type { RuleRecord, RuleScope, RuleSplit, RuleState, RuleStatus, RuleVersion } from '../../shared/contract/rules';
import { microsToDecimal } from '../../shared/money';
import { notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { assertOrg } from '../orgs/assert-org';

// The rules tables read and written in one place. A rule's state is the same object in
// `rules` (the current one) and in each `rule_versions.state` (every saved one).

export interface StoredSplit {
  payee_id: number;
  percentage: string;
  fixed_micros: number | null;
}

/** A rule's state as stored: column -> value. */
export interface StoredState {
  name: string;
  status: RuleStatus;
  scope: RuleScope;
  product_id: number | null;
  category: string | null;
  tag: string | null;
  effective_from: string;
  effective_to: string | null;
  splits: StoredSplit[];
}

export const STATE_FIELDS = ['name', 'status', 'scope', 'product_id', 'category', 'tag', 'effective_from', 'effective_to', 'splits'] as const;

/** The record field a stored column is named by in rules.batch and in versions' `changes`. */
export const FIELD_OF: Readonly<Record<(typeof STATE_FIELDS)[number], string>> = {
  name: 'name',
  status: 'status',
  scope: 'scope',
  product_id: 'product_external_id',
  category: 'category',
  tag: 'tag',
  effective_from: 'effective_from',
  effective_to: 'effective_to',
  splits: 'splits',
};

export interface StoredRule extends StoredState {
  id: number;
  org_id: string;
  external_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

const SELECT_RULE = `SELECT id, org_id, external_id, name, status, scope, product_id, category, tag, effective_from, effective_to, splits, version, created_at, updated_at FROM rules`;

function parseRule(row: Omit<StoredRule, 'splits'> & { splits: string }): StoredRule {
  return { ...row, splits: JSON.parse(row.splits) as StoredSplit[] };
}

export function ruleByExternalId(db: Database.Database, orgId: string, externalId: string): StoredRule | undefined {
  const row = db.prepare(`${SELECT_RULE} WHERE org_id = ? AND external_id = ?`).get(orgId, externalId) as (Omit<StoredRule, 'splits'> & { splits: string }) | undefined;
  return row && parseRule(row);
}

export function ruleById(db: Database.Database, id: number): StoredRule | undefined {
  const row = db.prepare(`${SELECT_RULE} WHERE id = ?`).get(id) as (Omit<StoredRule, 'splits'> & { splits: string }) | undefined;
  return row && parseRule(row);
}

export function stateOf(rule: StoredState): StoredState {
  return Object.fromEntries(STATE_FIELDS.map((f) => [f, rule[f]])) as unknown as StoredState;
}

/** The rules of an org whose scope is the same as `state`'s (same product, category, tag, or the org). */
export function rulesInScope(db: Database.Database, orgId: string, state: StoredState): StoredRule[] {
  const rows = db
    .prepare(`${SELECT_RULE} WHERE org_id = ? AND scope = ? AND product_id IS ? AND category IS ? AND tag IS ? ORDER BY id`)
    .all(orgId, state.scope, state.product_id, state.category, state.tag) as Array<Omit<StoredRule, 'splits'> & { splits: string }>;
  return rows.map(parseRule);
}

/** Stored ids -> what a reader sees (payee and product names and external ids). */
export class RuleNames {
  private readonly payee;
  private readonly product;

  constructor(db: Database.Database) {
    this.payee = db.prepare('SELECT external_id, name FROM payees WHERE id = ?');
    this.product = db.prepare('SELECT external_id FROM products WHERE id = ?').pluck();
  }

  state(stored: StoredState): RuleState {
    return {
      name: stored.name,
      status: stored.status,
      scope: stored.scope,
      productId: stored.product_id,
      productExternalId: stored.product_id === null ? null : ((this.product.get(stored.product_id) as string | null | undefined) ?? null),
      category: stored.category,
      tag: stored.tag,
      effectiveFrom: stored.effective_from,
      effectiveTo: stored.effective_to,
      splits: this.splits(stored.splits),
    };
  }

  splits(splits: StoredSplit[]): RuleSplit[] {
    return splits.map((s) => this.split(s));
  }

  private split(s: StoredSplit): RuleSplit {
    const payee = this.payee.get(s.payee_id) as { external_id: string | null; name: string } | undefined;
    return {
      payeeId: s.payee_id,
      payeeExternalId: payee?.external_id ?? null,
      payeeName: payee?.name ?? '',
      percentage: s.percentage,
      fixedAmount: s.fixed_micros === null ? null : microsToDecimal(s.fixed_micros),
    };
  }
}

export function getRule(db: Database.Database, key: { orgId: string; id?: number; externalId?: string }): RuleRecord {
  assertOrg(db, key.orgId);
  const stored = key.id !== undefined ? ruleById(db, key.id) : ruleByExternalId(db, key.orgId, key.externalId!);
  if (!stored || stored.org_id !== key.orgId) {
    throw notFound('rule_not_found', `No rule with ${key.id !== undefined ? `id ${key.id}` : `external_id "${key.externalId}"`} in org ${key.orgId}`, { field: key.id !== undefined ? 'id' : 'externalId' });
  }
  return {
    id: stored.id,
    externalId: stored.external_id,
    ...new RuleNames(db).state(stored),
    version: stored.version,
    createdAt: stored.created_at,
    updatedAt: stored.updated_at,
  };
}

export function ruleVersions(db: Database.Database, ruleId: number): { ruleId: number; versions: RuleVersion[] } {
  if (!ruleById(db, ruleId)) throw notFound('rule_not_found', `No rule with id ${ruleId}`, { field: 'ruleId' });
  const rows = db.prepare('SELECT version, saved_at, saved_by, change, changes, state FROM rule_versions WHERE rule_id = ? ORDER BY version DESC').all(ruleId) as Array<{
    version: number;
    saved_at: string;
    saved_by: string;
    change: 'created' | 'updated';
    changes: string;
    state: string;
  }>;
  const names = new RuleNames(db);
  return {
    ruleId,
    versions: rows.map((r) => ({
      version: r.version,
      savedAt: r.saved_at,
      savedBy: r.saved_by,
      change: r.change,
      changes: JSON.parse(r.changes) as string[],
      state: names.state(JSON.parse(r.state) as StoredState),
    })),
  };
}

/** Every saved version of every rule of an org, for a run: rule id -> versions, oldest first. */
export interface VersionedRule {
  id: number;
  externalId: string | null;
  versions: Array<{ version: number; state: StoredState }>;
}

export function loadVersionedRules(db: Database.Database, orgId: string): VersionedRule[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.external_id, v.version, v.state FROM rules r JOIN rule_versions v ON v.rule_id = r.id
       WHERE r.org_id = ? ORDER BY r.id, v.version`,
    )
    .all(orgId) as Array<{ id: number; external_id: string | null; version: number; state: string }>;
  const rules: VersionedRule[] = [];
  for (const row of rows) {
    let rule = rules[rules.length - 1];
    if (!rule || rule.id !== row.id) rules.push((rule = { id: row.id, externalId: row.external_id, versions: [] }));
    rule.versions.push({ version: row.version, state: JSON.parse(row.state) as StoredState });
  }
  return rules;
}

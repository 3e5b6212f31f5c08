import type { BatchResponse } from '../../shared/contract/imports';
import { ApiFailure } from '../api/failure';
import type { Database } from '../db/driver';
import { rejectedFailure, toRecordResult, type RecordBatchInput } from '../imports/record-batch';
import { FieldProblem, problem } from '../imports/records/field-problem';
import type { RawRecord } from '../imports/records/field-readers';
import { emptyCounts, type RowOutcome } from '../imports/records/outcome';
import { assertOrg } from '../orgs/assert-org';
import { readRuleRecord, type RuleGiven } from './rule-record';
import { FIELD_OF, ruleByExternalId, rulesInScope, STATE_FIELDS, stateOf, type StoredRule, type StoredState } from './rule-store';

/**
 * rules.batch: up to 100 rules upserted by external_id in one transaction, each save
 * kept as a version (who, when, which fields). Per-record outcomes as the other batch
 * calls give them (created, updated, unchanged, skipped_duplicate, error). skip: the
 * valid records are saved; reject: any refused record saves nothing (400 batch_rejected).
 * Rules are edits with history rather than imported rows, so no import batch is recorded.
 */
export function runRuleBatch(db: Database.Database, input: RecordBatchInput, savedBy: string): BatchResponse {
  if (db.inTransaction) throw new ApiFailure('conflict', 'write_in_progress', 'Another write is in progress in this workspace; try again when it ends.');
  assertOrg(db, input.orgId);
  const now = new Date().toISOString().slice(0, 19) + 'Z';
  const writer = new RuleWriter(db, input.orgId, input.operation, now, savedBy);
  const outcomes: RowOutcome[] = [];
  db.exec('BEGIN IMMEDIATE');
  try {
    const seen = new Map<string, number>();
    input.records.forEach((record, index) => {
      const raw = record as RawRecord;
      const externalId = typeof raw.external_id === 'string' && raw.external_id.trim() ? raw.external_id.trim() : null;
      if (externalId !== null && seen.has(externalId)) {
        outcomes.push({ rowNumber: index, outcome: 'error', id: null, externalId, column: 'external_id', message: `names the same rule as record ${seen.get(externalId)}; send one record per rule`, sameAsRow: seen.get(externalId) });
        return;
      }
      if (externalId !== null) seen.set(externalId, index);
      db.exec('SAVEPOINT rule_record');
      try {
        outcomes.push(writer.write(index, raw));
        db.exec('RELEASE rule_record');
      } catch (error) {
        db.exec('ROLLBACK TO rule_record');
        db.exec('RELEASE rule_record');
        if (!(error instanceof FieldProblem)) throw error;
        outcomes.push({ rowNumber: index, outcome: 'error', id: null, externalId, column: error.field, message: error.message });
      }
    });
    const counts = emptyCounts();
    for (const o of outcomes) counts[o.outcome]++;
    if (input.onError === 'reject' && counts.error > 0) {
      db.exec('ROLLBACK');
      throw rejectedFailure(outcomes);
    }
    db.exec('COMMIT');
    return {
      data: outcomes.map(toRecordResult),
      meta: { total: outcomes.length, ...counts, batch_id: null, batch_status: 'committed', rows_written: counts.created + counts.updated, amount_written: [] },
    };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

export class RuleWriter {
  private readonly product;
  private readonly payee;
  private readonly payeeById;
  private readonly insert;
  private readonly update;
  private readonly insertVersion;

  constructor(
    private readonly db: Database.Database,
    private readonly orgId: string,
    private readonly operation: RecordBatchInput['operation'],
    private readonly now: string,
    private readonly savedBy: string,
  ) {
    this.product = db.prepare('SELECT id, archived FROM products WHERE org_id = ? AND external_id = ?');
    this.payee = db.prepare('SELECT id FROM payees WHERE org_id = ? AND external_id = ?').pluck();
    this.payeeById = db.prepare('SELECT id FROM payees WHERE org_id = ? AND id = ?').pluck();
    this.insert = db.prepare(
      `INSERT INTO rules (org_id, external_id, name, status, scope, product_id, category, tag, effective_from, effective_to, splits, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    this.update = db.prepare(
      `UPDATE rules SET name = ?, status = ?, scope = ?, product_id = ?, category = ?, tag = ?, effective_from = ?, effective_to = ?, splits = ?, version = ?, updated_at = ? WHERE id = ?`,
    );
    this.insertVersion = db.prepare('INSERT INTO rule_versions (rule_id, version, saved_at, saved_by, change, changes, state) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  write(index: number, raw: RawRecord): RowOutcome {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw problem('', 'the record is not an object of fields');
    const given = readRuleRecord(raw);
    const externalId = given.externalId;
    const stored = externalId === null ? undefined : ruleByExternalId(this.db, this.orgId, externalId);
    if (stored && this.operation === 'create_only') return { rowNumber: index, outcome: 'skipped_duplicate', id: stored.id, externalId };
    if (!stored && this.operation === 'update_only') {
      throw problem('external_id', externalId === null ? 'is required to update a rule (update_only)' : `no rule with external_id "${externalId}" in this org to update`);
    }
    return this.save(index, given, stored);
  }

  /** Saves what a record gives onto `stored` (or as a new rule), keeping the change as a version. */
  save(index: number, given: RuleGiven, stored: StoredRule | undefined): RowOutcome {
    const externalId = stored ? stored.external_id : given.externalId;
    const next = this.nextState(given, stored);
    this.checkOverlap(next, stored?.id ?? null);
    const state = JSON.stringify(next);
    if (!stored) {
      const id = Number(this.insert.run(this.orgId, externalId, ...columnValues(next), this.now, this.now).lastInsertRowid);
      this.insertVersion.run(id, 1, this.now, this.savedBy, 'created', '[]', state);
      return { rowNumber: index, outcome: 'created', id, externalId };
    }
    const changes = STATE_FIELDS.filter((f) => JSON.stringify(stored[f]) !== JSON.stringify(next[f])).map((f) => FIELD_OF[f]);
    if (changes.length === 0) return { rowNumber: index, outcome: 'unchanged', id: stored.id, externalId };
    const version = stored.version + 1;
    this.update.run(...columnValues(next), version, this.now, stored.id);
    this.insertVersion.run(stored.id, version, this.now, this.savedBy, 'updated', JSON.stringify(changes), state);
    return { rowNumber: index, outcome: 'updated', id: stored.id, externalId, changes };
  }

  /** The stored state (or a new rule's defaults) with the given fields applied and checked. */
  private nextState(given: RuleGiven, stored: StoredRule | undefined): StoredState {
    if (!stored) {
      if (given.name === undefined) throw problem('name', 'is required to create a rule');
      if (given.scope === undefined) throw problem('scope', 'is required to create a rule: product, category, tag or org');
      if (given.effectiveFrom === undefined) throw problem('effective_from', 'is required to create a rule: the first day it applies, YYYY-MM-DD');
    }
    const base: StoredState = stored
      ? stateOf(stored)
      : { name: '', status: 'draft', scope: 'org', product_id: null, category: null, tag: null, effective_from: '', effective_to: null, splits: [] };
    const next: StoredState = { ...base, name: given.name ?? base.name, status: given.status ?? base.status, scope: given.scope ?? base.scope };
    next.effective_from = given.effectiveFrom ?? base.effective_from;
    next.effective_to = given.effectiveTo !== undefined ? given.effectiveTo : base.effective_to;
    if (next.effective_to !== null && next.effective_to < next.effective_from) {
      throw problem(given.effectiveTo !== undefined ? 'effective_to' : 'effective_from', `the rule would end (${next.effective_to}) before it starts (${next.effective_from})`);
    }
    this.applyScope(next, given, base);
    if (given.splits !== undefined) {
      next.splits = given.splits.map((s, i) => {
        const payeeId = (s.payeeId !== null ? this.payeeById.get(this.orgId, s.payeeId) : this.payee.get(this.orgId, s.payeeExternalId)) as number | undefined;
        if (payeeId === undefined) {
          throw s.payeeId !== null
            ? problem(`splits.${i}.payee_id`, `no payee with id ${s.payeeId} in this org`)
            : problem(`splits.${i}.payee_external_id`, `no payee with external_id "${s.payeeExternalId}" in this org`);
        }
        return { payee_id: payeeId, percentage: s.percentage, fixed_micros: s.fixedMicros };
      });
      // One payee named both ways (by id and by external_id) would get two shares.
      next.splits.forEach((s, i) => {
        const first = next.splits.findIndex((other) => other.payee_id === s.payee_id);
        if (first !== i) throw problem(`splits.${i}`, `names the same payee as splits.${first}`);
      });
      // Stored in payee order, so listing the same shares in another order changes nothing.
      next.splits.sort((a, b) => a.payee_id - b.payee_id);
    }
    return next;
  }

  private applyScope(next: StoredState, given: RuleGiven, base: StoredState): void {
    const scopeChanged = next.scope !== base.scope;
    const own = { product: 'product_external_id', category: 'category', tag: 'tag', org: null }[next.scope];
    for (const [field, key] of [
      ['product_external_id', 'productExternalId'],
      ['category', 'category'],
      ['tag', 'tag'],
    ] as const) {
      if (field !== own && given[key] !== undefined && given[key] !== null) throw problem(field, `does not go with scope "${next.scope}"`);
    }
    if (next.scope !== 'product') next.product_id = null;
    if (next.scope !== 'category') next.category = null;
    if (next.scope !== 'tag') next.tag = null;
    if (next.scope === 'product') {
      const externalId = given.productExternalId;
      if (externalId === null || (externalId === undefined && (scopeChanged || base.product_id === null))) throw problem('product_external_id', 'is required for a product rule');
      if (externalId !== undefined) {
        const product = this.product.get(this.orgId, externalId) as { id: number; archived: number } | undefined;
        if (!product) throw problem('product_external_id', `no product with external_id "${externalId}" in this org`);
        next.product_id = product.id;
      }
      const archived = this.db.prepare('SELECT archived FROM products WHERE id = ?').pluck().get(next.product_id) as number;
      if (archived === 1 && next.status !== 'inactive') throw problem('product_external_id', 'the product is archived; a rule for it can only be saved inactive');
    } else if (next.scope === 'category' || next.scope === 'tag') {
      const value = next.scope === 'category' ? given.category : given.tag;
      if (value === null || (value === undefined && (scopeChanged || base[next.scope] === null))) throw problem(next.scope, `is required for a ${next.scope} rule`);
      if (value !== undefined) next[next.scope] = value;
    }
  }

  /** Two active rules of one scope may not apply on the same day. */
  private checkOverlap(next: StoredState, selfId: number | null): void {
    if (next.status !== 'active') return;
    for (const other of rulesInScope(this.db, this.orgId, next)) {
      if (other.id === selfId || other.status !== 'active') continue;
      const overlaps = other.effective_from <= (next.effective_to ?? '9999-12-31') && next.effective_from <= (other.effective_to ?? '9999-12-31');
      if (overlaps) {
        throw problem(
          'effective_from',
          `${next.effective_from}..${next.effective_to ?? 'open'} overlaps active rule ${other.external_id ? `"${other.external_id}"` : other.id} (${other.effective_from}..${other.effective_to ?? 'open'}) of the same ${next.scope}`,
        );
      }
    }
  }
}

function columnValues(s: StoredState): unknown[] {
  return [s.name, s.status, s.scope, s.product_id, s.category, s.tag, s.effective_from, s.effective_to, JSON.stringify(s.splits)];
}

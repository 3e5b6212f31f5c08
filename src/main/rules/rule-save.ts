import type { RuleRecord, RuleRecordInput } from '../../shared/contract/rules';
import { ApiFailure, invalidInput, notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { FieldProblem, problem } from '../imports/records/field-problem';
import type { RawRecord } from '../imports/records/field-readers';
import { assertOrg } from '../orgs/assert-org';
import { RuleWriter } from './rule-batch';
import { readRuleRecord } from './rule-record';
import { getRule, ruleByExternalId, ruleById } from './rule-store';

/**
 * rules.save: one rule created, or changed by id (a rule made without an external_id can
 * still be edited on the Rules screen), through the batch's writer, so the checks and the
 * version kept are the same. A refusal is a 400 naming `record.<field>`; nothing is saved.
 */
export function saveRule(db: Database.Database, input: { orgId: string; id?: number; record: RuleRecordInput }, savedBy: string): RuleRecord {
  if (db.inTransaction) throw new ApiFailure('conflict', 'write_in_progress', 'Another write is in progress in this workspace; try again when it ends.');
  assertOrg(db, input.orgId);
  const now = new Date().toISOString().slice(0, 19) + 'Z';
  const writer = new RuleWriter(db, input.orgId, 'create_or_update', now, savedBy);
  db.exec('BEGIN IMMEDIATE');
  try {
    const saved = writeOne(db, writer, input);
    db.exec('COMMIT');
    return getRule(db, { orgId: input.orgId, id: saved });
  } catch (error) {
    if (error instanceof FieldProblem) throw invalidInput([{ field: error.field ? `record.${error.field}` : 'record', message: error.message }], `Rule not saved: ${error.field ? `${error.field} ` : ''}${error.message}`);
    throw error;
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

function writeOne(db: Database.Database, writer: RuleWriter, input: { orgId: string; id?: number; record: RuleRecordInput }): number {
  const given = readRuleRecord(input.record as RawRecord);
  if (input.id === undefined) {
    const taken = given.externalId === null ? undefined : ruleByExternalId(db, input.orgId, given.externalId);
    if (taken) throw problem('external_id', `"${given.externalId}" already names rule ${taken.id} ("${taken.name}"); open that rule to change it`);
    return writer.save(0, given, undefined).id!;
  }
  const stored = ruleById(db, input.id);
  if (!stored || stored.org_id !== input.orgId) throw notFound('rule_not_found', `No rule with id ${input.id} in org ${input.orgId}`, { field: 'id' });
  // The external_id is how batches find the rule: it is given once, at create.
  if (given.externalId !== null && given.externalId !== stored.external_id) {
    throw problem('external_id', stored.external_id === null ? 'cannot be added to an existing rule' : `cannot change (it is "${stored.external_id}")`);
  }
  return writer.save(0, given, stored).id!;
}

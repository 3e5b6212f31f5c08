import type { Database } from '../db/driver';
import type { RawRecord } from '../imports/records/field-readers';
import type { RowOutcome } from '../imports/records/outcome';
import { RuleWriter } from '../rules/rule-batch';
import { getRule } from '../rules/rule-store';

// Rules in a sync conflict: they are not an import entity (no import batch), so the local
// side is read back in the record's own field names (seed 001's, as rules.batch takes
// them), and the server's side is saved as rules.batch saves it: a new version.

/** The local rule as a rules record: its payees and product by external_id (a payee without one by id). */
export function ruleLocalValues(db: Database.Database, orgId: string, ruleId: number, fields: Iterable<string>): Record<string, unknown> {
  const rule = getRule(db, { orgId, id: ruleId });
  const all: Record<string, unknown> = {
    external_id: rule.externalId,
    name: rule.name,
    status: rule.status,
    scope: rule.scope,
    product_external_id: rule.productExternalId,
    category: rule.category,
    tag: rule.tag,
    effective_from: rule.effectiveFrom,
    effective_to: rule.effectiveTo,
    splits: rule.splits.map((s) => ({
      ...(s.payeeExternalId !== null ? { payee_external_id: s.payeeExternalId } : { payee_id: s.payeeId }),
      percentage: s.percentage,
      ...(s.fixedAmount !== null ? { fixed_amount: s.fixedAmount } : {}),
    })),
  };
  const out: Record<string, unknown> = {};
  for (const field of fields) if (field in all) out[field] = all[field];
  return out;
}

/** take_server for a rule: the server's record saved as a new version, in the caller's transaction; a refused one throws a FieldProblem. */
export function saveServerRule(db: Database.Database, orgId: string, server: Record<string, unknown>, savedBy: string): RowOutcome {
  const writer = new RuleWriter(db, orgId, 'create_or_update', new Date().toISOString().slice(0, 19) + 'Z', savedBy);
  return writer.write(0, server as RawRecord);
}

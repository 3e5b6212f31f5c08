import type { RuleComparison, RuleDifference, RuleSplit, RuleState } from '../../shared/contract/rules';
import { notFound } from '../api/failure';
import type { Database } from '../db/driver';
import { ruleById, ruleVersions } from './rule-store';

type ScalarField = [field: string, value: (s: RuleState) => string | null];

/** The record's fields in their order; a product is compared by id and shown by external_id. */
const SCALAR_FIELDS: readonly ScalarField[] = [
  ['name', (s) => s.name],
  ['status', (s) => s.status],
  ['scope', (s) => s.scope],
  ['product_external_id', (s) => (s.productId === null ? null : (s.productExternalId ?? `#${s.productId}`))],
  ['category', (s) => s.category],
  ['tag', (s) => s.tag],
  ['effective_from', (s) => s.effectiveFrom],
  ['effective_to', (s) => s.effectiveTo],
];

/** What differs from `was` to `now`, field by field; splits per payee (percentage, then fixed amount). */
export function diffRuleStates(was: RuleState, now: RuleState): RuleDifference[] {
  const differences: RuleDifference[] = [];
  for (const [field, value] of SCALAR_FIELDS) {
    const before = value(was);
    const after = value(now);
    if (before !== after) differences.push({ field, was: before, now: after });
  }
  const payeeIds = [...new Set([...was.splits, ...now.splits].map((s) => s.payeeId))].sort((a, b) => a - b);
  for (const payeeId of payeeIds) {
    const before = was.splits.find((s) => s.payeeId === payeeId);
    const after = now.splits.find((s) => s.payeeId === payeeId);
    const payee = payeeOf((after ?? before)!);
    if (before?.percentage !== after?.percentage) differences.push({ field: 'splits', payee, part: 'percentage', was: before?.percentage ?? null, now: after?.percentage ?? null });
    if ((before?.fixedAmount ?? null) !== (after?.fixedAmount ?? null)) {
      differences.push({ field: 'splits', payee, part: 'fixed_amount', was: before?.fixedAmount ?? null, now: after?.fixedAmount ?? null });
    }
  }
  return differences;
}

function payeeOf(split: RuleSplit): NonNullable<RuleDifference['payee']> {
  return { id: split.payeeId, externalId: split.payeeExternalId, name: split.payeeName };
}

/** rules.compareVersion: a saved version against the rule as it is now. */
export function compareRuleVersion(db: Database.Database, ruleId: number, version: number): RuleComparison {
  const stored = ruleById(db, ruleId);
  if (!stored) throw notFound('rule_not_found', `No rule with id ${ruleId}`, { field: 'ruleId' });
  const { versions } = ruleVersions(db, ruleId);
  const chosen = versions.find((v) => v.version === version);
  if (!chosen) throw notFound('rule_version_not_found', `Rule ${ruleId} has no version ${version} (it has 1 to ${stored.version})`, { field: 'version' });
  // The newest version is the rule's current state: every save writes both.
  const current = versions[0];
  return { ruleId, version, currentVersion: stored.version, differences: diffRuleStates(chosen.state, current.state) };
}

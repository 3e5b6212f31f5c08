import type { RuleRecord, RuleRecordInput, RuleScope, RuleStatus } from '../../../shared/contract/rules';
import type { ApiCallError } from '../../api/api-call-error';

/** One payee's share as typed in the form (text, so a half-typed value is kept as it is). */
export interface SplitDraft {
  /** Stable across removals, for React keys. */
  key: number;
  /** The payee's id as text ('' while none is chosen): a payee without an external ID can have a share too. */
  payee: string;
  /** How the saved payee reads, for one the payee list did not load. */
  payeeLabel?: string;
  percentage: string;
  fixedAmount: string;
}

export interface RuleDraft {
  externalId: string;
  name: string;
  status: RuleStatus;
  scope: RuleScope;
  product: string;
  category: string;
  tag: string;
  effectiveFrom: string;
  effectiveTo: string;
  splits: SplitDraft[];
}

let nextKey = 1;
export function emptySplit(): SplitDraft {
  return { key: nextKey++, payee: '', percentage: '', fixedAmount: '' };
}

/** The form's starting values: the rule as saved, or a new draft rule for the whole org from the first of this month. */
export function draftOf(rule: RuleRecord | null, today: string): RuleDraft {
  if (!rule) {
    return {
      externalId: '',
      name: '',
      status: 'draft',
      scope: 'org',
      product: '',
      category: '',
      tag: '',
      effectiveFrom: `${today.slice(0, 7)}-01`,
      effectiveTo: '',
      splits: [emptySplit()],
    };
  }
  return {
    externalId: rule.externalId ?? '',
    name: rule.name,
    status: rule.status,
    scope: rule.scope,
    product: rule.productExternalId ?? '',
    category: rule.category ?? '',
    tag: rule.tag ?? '',
    effectiveFrom: rule.effectiveFrom,
    effectiveTo: rule.effectiveTo ?? '',
    splits: rule.splits.map((s) => ({
      key: nextKey++,
      payee: String(s.payeeId),
      payeeLabel: payeeLabel(s),
      percentage: s.percentage,
      fixedAmount: s.fixedAmount ?? '',
    })),
  };
}

/**
 * The record rules.save gets: every field, as typed (the server checks them all and names
 * the one at fault). Only the scope's own target is sent; blank optional values are null.
 */
export function recordOf(draft: RuleDraft, isNew: boolean): RuleRecordInput {
  const record: RuleRecordInput = {
    name: draft.name,
    status: draft.status,
    scope: draft.scope,
    effective_from: draft.effectiveFrom,
    effective_to: draft.effectiveTo.trim() || null,
    splits: draft.splits.map((s) => ({
      ...(s.payee ? { payee_id: Number(s.payee) } : {}),
      percentage: s.percentage.trim(),
      fixed_amount: s.fixedAmount.trim() || null,
    })),
  };
  if (isNew && draft.externalId.trim()) record.external_id = draft.externalId.trim();
  if (draft.scope === 'product') record.product_external_id = draft.product.trim() || null;
  if (draft.scope === 'category') record.category = draft.category.trim() || null;
  if (draft.scope === 'tag') record.tag = draft.tag.trim() || null;
  return record;
}

/** "Ada (pe_a)"; "Ada (no external ID)". */
export function payeeLabel(p: { name?: string; payeeName?: string; externalId?: string | null; payeeExternalId?: string | null }): string {
  const name = p.name ?? p.payeeName ?? '';
  const externalId = p.externalId !== undefined ? p.externalId : p.payeeExternalId;
  return `${name} (${externalId ?? 'no external ID'})`;
}

export interface RuleFormErrors {
  /** Message per record field the server named: "name", "splits", "splits.1.percentage". */
  byField: Record<string, string>;
  /** An error naming no field of the form (shown above the buttons). */
  general: ApiCallError | null;
}

/** Places a rules.save refusal next to its field (`record.splits.0.percentage` -> the first split's percentage). */
export function ruleFormErrors(error: ApiCallError | null): RuleFormErrors {
  const byField: Record<string, string> = {};
  if (!error) return { byField, general: null };
  const issues = error.issues.filter((issue) => issue.field?.startsWith('record.'));
  for (const issue of issues) byField[issue.field!.slice('record.'.length)] = sentence(issue.message);
  return {
    byField,
    general: issues.length === error.issues.length && issues.length > 0 ? null : error,
  };
}

function sentence(message: string): string {
  const text = message.trim();
  if (!text) return 'Not accepted.';
  const first = text[0].toUpperCase() + text.slice(1);
  return /[.!?)]$/.test(first) ? first : `${first}.`;
}

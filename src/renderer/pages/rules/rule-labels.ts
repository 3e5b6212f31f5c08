import type { RuleDifference, RuleRow, RuleScope, RuleStatus } from '../../../shared/contract/rules';

export const SCOPE_LABELS: Record<RuleScope, string> = {
  product: 'Product',
  category: 'Category',
  tag: 'Tag',
  org: 'Whole org',
};
export const STATUS_LABELS: Record<RuleStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  inactive: 'Inactive',
};

/** A record field (as the API names it) in the form's words. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  external_id: 'External ID',
  name: 'Name',
  status: 'Status',
  scope: 'Covers',
  product_external_id: 'Product',
  category: 'Category',
  tag: 'Tag',
  effective_from: 'Effective from',
  effective_to: 'Effective to',
  splits: 'Splits',
};

/** "Ada 60% + 0.50 first · Bo 40%"; "No payees" for a rule that shares nothing out. */
export function splitSummary(splits: RuleRow['splits']): string {
  if (splits.length === 0) return 'No payees (all unallocated)';
  return splits.map((s) => `${s.payeeName} ${s.percentage}%${s.fixedAmount ? ` + ${s.fixedAmount} first` : ''}`).join(' · ');
}

/** What a difference is about: "Effective to", or "Ada: percentage". */
export function differenceLabel(d: RuleDifference): string {
  if (d.payee)
    return `${d.payee.name || d.payee.externalId || `Payee ${d.payee.id}`}: ${d.part === 'fixed_amount' ? 'fixed amount per revenue' : 'percentage'}`;
  return FIELD_LABELS[d.field] ?? d.field;
}

/** A compared value as text: percentages with %, a missing value as "none". */
export function differenceValue(d: RuleDifference, value: string | null): string {
  if (value === null) return d.payee ? (d.part === 'percentage' ? 'no share' : 'none') : d.field === 'effective_to' ? 'open-ended' : 'none';
  if (d.part === 'percentage') return `${value}%`;
  if (d.field === 'status') return STATUS_LABELS[value as RuleStatus] ?? value;
  if (d.field === 'scope') return SCOPE_LABELS[value as RuleScope] ?? value;
  return value;
}

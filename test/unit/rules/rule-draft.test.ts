import { describe, expect, it } from 'vitest';
import type { RuleRecord } from '../../../src/shared/contract/rules';
import { ApiCallError } from '../../../src/renderer/api/api-call-error';
import { draftOf, recordOf, ruleFormErrors } from '../../../src/renderer/pages/rules/rule-draft';

// The Rules form's translation both ways: a saved rule into editable text and back into the
// rules.save record, and a refusal's `record.<field>` back to the field it names.

const RULE: RuleRecord = {
  id: 7,
  externalId: 'r_books',
  name: 'Books',
  status: 'active',
  scope: 'category',
  productId: null,
  productExternalId: null,
  category: 'Books',
  tag: null,
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  splits: [{ payeeId: 1, payeeExternalId: 'pe_a', payeeName: 'Ada', percentage: '60', fixedAmount: '0.50' }],
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-02-01T00:00:00Z',
};

const refusal = (issues: Array<{ field: string; message: string }>) =>
  new ApiCallError('rules.save', { type: 'validation_error', code: 'invalid_input', message: 'Rule not saved', detail: { issues }, timestamp: '2026-12-02T00:00:00Z' });

describe('the Rules form', () => {
  it('sends a saved rule back unchanged, only its own scope target, blanks as null, and no external_id when editing', () => {
    const record = recordOf(draftOf(RULE, '2026-12-02'), false);
    expect(record).toEqual({
      name: 'Books',
      status: 'active',
      scope: 'category',
      category: 'Books',
      effective_from: '2026-01-01',
      effective_to: null,
      // By id: a payee without an external ID can have a share too.
      splits: [{ payee_id: 1, percentage: '60', fixed_amount: '0.50' }],
    });
    const moved = { ...draftOf(RULE, ''), scope: 'tag' as const, tag: ' ebook ', externalId: 'x' };
    expect(recordOf(moved, false)).toMatchObject({ scope: 'tag', tag: 'ebook' });
    expect(recordOf(moved, false)).not.toHaveProperty('category');
    expect(recordOf(moved, true)).toMatchObject({ external_id: 'x' });
  });

  it('starts a new rule as a draft for the whole org from the first of the month', () => {
    const draft = draftOf(null, '2026-12-02T10:00:00Z');
    expect(draft).toMatchObject({ status: 'draft', scope: 'org', effectiveFrom: '2026-12-01', effectiveTo: '' });
    expect(recordOf(draft, true)).not.toHaveProperty('external_id');
  });

  it('puts each record.<field> refusal under that field, and anything else above the buttons', () => {
    const placed = ruleFormErrors(refusal([{ field: 'record.splits.1.percentage', message: '"120" is over 100' }]));
    expect(placed).toEqual({ byField: { 'splits.1.percentage': '"120" is over 100.' }, general: null });
    const other = refusal([{ field: 'orgId', message: 'unknown org' }]);
    expect(ruleFormErrors(other)).toEqual({ byField: {}, general: other });
    const noIssues = new ApiCallError('rules.save', { type: 'not_found', code: 'rule_not_found', message: 'No rule', detail: { field: 'id' }, timestamp: '' });
    expect(ruleFormErrors(noIssues).general).toBe(noIssues);
    expect(ruleFormErrors(null)).toEqual({ byField: {}, general: null });
  });
});

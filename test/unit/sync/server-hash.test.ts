import { describe, expect, it } from 'vitest';
import { RULE_RECORD_FIELDS } from '../../../src/main/rules/rule-record';
import { REVENUE_RECORD_FIELDS } from '../../../src/main/imports/records/revenue-record';
import { serverHash, serverHashSorted } from '../../../src/main/sync/record-state';

// The adapter's quick server hash must be the very hash stored links hold (serverHash), or
// every record would look changed on the server after an upgrade.

const revenueKeys = [...REVENUE_RECORD_FIELDS].sort();
const ruleKeys = [...RULE_RECORD_FIELDS].sort();

describe('serverHashSorted', () => {
  it.each([
    ['a whole revenue', revenueKeys, { external_id: 'rv_1', kind: 'sale', occurred_at: '2026-10-02T10:00:00Z', amount: '10.01', currency: 'USD', quantity: 1, payee_external_id: 'pe_2', product_external_id: 'pr_2' }],
    ['a revenue given in another key order, with nulls and quotes', revenueKeys, { currency: 'EUR', amount: '-3.5', external_id: 'rv_"2"', description: 'Zoë, \\ "quoted"', refund_of: null }],
    ['a rule with nested splits', ruleKeys, { external_id: 'ru_1', name: 'Split', splits: [{ payee_external_id: 'pe_1', percentage: '60' }, { payee_id: 3, percentage: '40', fixed_amount: '1.00' }], effective_to: null }],
    ['no fields', revenueKeys, {}],
  ])('is serverHash for %s', (_name, keys, fields) => {
    expect(serverHashSorted(fields, keys)).toBe(serverHash(fields));
  });

  it('tells two versions apart', () => {
    expect(serverHashSorted({ external_id: 'rv_1', amount: '1.00' }, revenueKeys)).not.toBe(serverHashSorted({ external_id: 'rv_1', amount: '1.01' }, revenueKeys));
  });
});

import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../../src/main/imports/mapping/guess-mapping';
import { FieldProblem } from '../../../../src/main/imports/records/field-problem';
import { previewCommitment, previewShowbackUsage, readSharesCell, showbackRecord } from '../../../../src/main/imports/records/showback-fields';

// A mapped showback row as the showback batch methods' readers take it, and the wizard's
// per-field preview checks of commitments and showback usage rows.

function refusal(read: () => unknown): { field: string; message: string } {
  try {
    read();
  } catch (error) {
    if (error instanceof FieldProblem) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('not refused');
}

const commitment = { external_id: 'cm-1', name: 'Plan', purchase_date: '2026-01-01', term_start: '2026-02-01', term_end: '2026-12-31', monthly_premium: 100_000_000n };

describe('showbackRecord', () => {
  it('drops empty cells (not given), turns exact micro-units into decimal strings and a shares cell into its object', () => {
    expect(showbackRecord({ name: ' ', rebates: undefined, monthly_premium: 450_125_000n, currency: '', fixed_shares: 'service: a=60; b=40' })).toEqual({
      monthly_premium: '450.125',
      fixed_shares: { dimension: 'service', shares: [{ target: 'a', percent: '60' }, { target: 'b', percent: '40' }] },
    });
  });
});

describe('readSharesCell', () => {
  it('reads JSON as commitments.batch takes it and the short form, targets keeping spaces and "=" inside', () => {
    expect(readSharesCell('{"dimension":"account","shares":[{"target":"x","percent":"100"}]}')).toEqual({ dimension: 'account', shares: [{ target: 'x', percent: '100' }] });
    expect(readSharesCell(' child_org : org a=25;org=b=75 ; ')).toEqual({ dimension: 'child_org', shares: [{ target: 'org a', percent: '25' }, { target: 'org=b', percent: '75' }] });
  });

  it.each([
    ['{"dimension": ', /is not valid JSON/],
    ['region: eu=100', /is not a list of shares/],
    ['service: compute', /"compute" is not target=percent/],
    ['service: =100', /"=100" is not target=percent/],
  ])('refuses %j naming fixed_shares', (cell, message) => {
    expect(refusal(() => readSharesCell(cell))).toEqual({ field: 'fixed_shares', message: expect.stringMatching(message) });
  });
});

describe('the preview checks', () => {
  it('pass good rows and refuse bad ones with the batch method\'s words, a part of the shares cell named in the message', () => {
    expect(() => previewCommitment(commitment)).not.toThrow();
    expect(refusal(() => previewCommitment({ ...commitment, term_end: '2026-01-31' }))).toEqual({ field: 'term_end', message: '2026-01-31 is before term_start 2026-02-01: a term ends on or after its start' });
    expect(refusal(() => previewCommitment({ ...commitment, allocation_method: 'fixed', fixed_shares: 'service: a=60; b=-40' }))).toEqual({
      field: 'fixed_shares',
      message: 'shares.1.percent: must be more than 0 (-40)',
    });
    expect(refusal(() => previewCommitment({ ...commitment, colour: 'red' }))).toMatchObject({ field: 'colour' });
    expect(() => previewShowbackUsage({ month: '2026-03-01', account: 'a', service: 's', on_demand_cost: '1', covered_cost: 2_000_000n })).not.toThrow();
    expect(refusal(() => previewShowbackUsage({ month: '2026-03', account: 'a', service: 's', on_demand_cost: -1_000_000n, covered_cost: '2' }))).toEqual({
      field: 'on_demand_cost',
      message: 'must not be negative (-1.00)',
    });
  });
});

describe('guessMapping for showback files no profile knows', () => {
  it('maps the usual column names', () => {
    expect(guessMapping('commitments', ['Commitment ID', 'Name', 'Purchased', 'Start', 'End', 'Premium', 'Upfront', 'Rebate', 'Method', 'Shares']).columns).toEqual({
      external_id: 'Commitment ID',
      name: 'Name',
      purchase_date: 'Purchased',
      term_start: 'Start',
      term_end: 'End',
      monthly_premium: 'Premium',
      commitment_cost: 'Upfront',
      rebates: 'Rebate',
      allocation_method: 'Method',
      fixed_shares: 'Shares',
    });
    expect(guessMapping('showback_usage', ['Usage Month', 'Account ID', 'Service Name', 'Organization', 'Currency', 'On-demand', 'Covered']).columns).toEqual({
      month: 'Usage Month',
      account: 'Account ID',
      service: 'Service Name',
      child_org_id: 'Organization',
      currency: 'Currency',
      on_demand_cost: 'On-demand',
      covered_cost: 'Covered',
    });
  });
});

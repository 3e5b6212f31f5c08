import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../../src/main/imports/mapping/guess-mapping';

describe('guessMapping', () => {
  it('takes exact field names first, then usual names, each column once, formats left open', () => {
    const mapping = guessMapping('revenues', ['Transaction ID', 'Date', 'Type', 'Gross', 'amount', 'Currency', 'Item Title', 'SKU']);
    expect(mapping.columns).toEqual({
      external_id: 'Transaction ID',
      kind: 'Type',
      occurred_at: 'Date',
      amount: 'amount',
      currency: 'Currency',
      description: 'Item Title',
      product_external_id: 'SKU',
    });
    expect(mapping).toMatchObject({ numberConvention: 'auto', dateFormat: 'auto', encoding: 'auto', delimiter: 'auto', constants: {} });
  });

  it('maps the fields of other entities', () => {
    expect(guessMapping('payees', ['Name', 'E-mail Address', 'On hold']).columns).toEqual({ name: 'Name', email: 'E-mail Address', on_hold: 'On hold' });
    expect(guessMapping('billing', ['License', 'Resource name', 'Billing period', 'Final sell', 'Final buy']).columns).toEqual({
      license_reference: 'License',
      resource_name: 'Resource name',
      billing_period: 'Billing period',
      final_sell: 'Final sell',
      final_buy: 'Final buy',
    });
    expect(guessMapping('usage', ['Organization', 'Start date', 'Users', 'Records', 'Versions', 'File size', 'Backups', 'Notes']).columns).toEqual({
      org_id: 'Organization',
      cycle_start: 'Start date',
      seats: 'Users',
      record_count: 'Records',
      version_count: 'Versions',
      file_size_mb: 'File size',
      backups: 'Backups',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { compileMapping } from '../../../../src/main/imports/mapping/compile-mapping';
import { ApiFailure } from '../../../../src/main/api/failure';
import { mappingSchema } from '../../../../src/shared/contract/import-files';

function issues(mapping: Record<string, unknown>, header = ['Date', 'Amount', 'Currency']): Array<{ field: string; message: string }> {
  try {
    compileMapping('revenues', mappingSchema.parse(mapping), header);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiFailure);
    expect((error as ApiFailure).code).toBe('invalid_mapping');
    return ((error as ApiFailure).detail as { issues: Array<{ field: string; message: string }> }).issues;
  }
  return [];
}

describe('compileMapping', () => {
  it('accepts a mapping that fits, finding columns regardless of case and surrounding spaces', () => {
    expect(issues({ columns: { occurred_at: ' date', amount: 'AMOUNT', currency: 'Currency' }, constants: { kind: 'sale' } })).toEqual([]);
  });

  it('names every problem at once: unknown fields, missing columns, required fields, unit price without quantity', () => {
    expect(
      issues({
        columns: { occurred_at: 'Date', amount: 'Gross', colour: 'Amount' },
        amountIsUnitPrice: true,
        sumCheck: { parts: ['Amount', 'Fee'], total: 'Net' },
        fillDown: ['Order'],
      }),
    ).toEqual([
      { field: 'mapping.columns.colour', message: expect.stringContaining('"colour" is not a field of revenues') },
      { field: 'mapping.columns.amount', message: 'the file has no column "Gross" (its columns: "Date", "Amount", "Currency")' },
      { field: 'mapping.columns.kind', message: 'Kind (sale, refund, adjustment) (kind) is required: map a column to it or give a constant' },
      { field: 'mapping.columns.currency', message: 'Currency (currency) is required: map a column to it or give a constant' },
      { field: 'mapping.columns.quantity', message: 'the amount is a unit price (amountIsUnitPrice), so quantity must be mapped' },
      { field: 'mapping.sumCheck.parts.1', message: expect.stringContaining('no column "Fee"') },
      { field: 'mapping.sumCheck.total', message: expect.stringContaining('no column "Net"') },
      { field: 'mapping.fillDown.0', message: expect.stringContaining('no column "Order"') },
    ]);
  });

  it('refuses external_id both mapped and built from columns', () => {
    expect(issues({ columns: { external_id: 'Date', occurred_at: 'Date', amount: 'Amount', currency: 'Currency', kind: 'Currency' }, externalIdFrom: { columns: ['Date'] } })).toEqual([
      { field: 'mapping.externalIdFrom', message: expect.stringContaining('keep one of the two') },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/main/api/failure';
import { resolveParams } from '../../../src/main/reports/parameters';
import type { ReportParameter } from '../../../src/main/reports/report-definition';

const DECLARED: ReportParameter[] = [
  { name: 'currency', type: 'string', description: '', required: false, default: null },
  { name: 'limit', type: 'integer', description: '', required: false, default: 10 },
  { name: 'detailed', type: 'boolean', description: '', required: false, default: false },
  { name: 'as_of', type: 'date', description: '', required: false, default: null },
  { name: 'kind', type: 'enum', description: '', required: true, default: null, values: ['sale', 'refund'] },
];

function failure(given: Record<string, string | number | boolean | null>): ApiFailure {
  try {
    resolveParams(DECLARED, given);
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('resolveParams accepted ' + JSON.stringify(given));
}
const fields = (error: ApiFailure) => (error.detail as { issues: Array<{ field: string }> }).issues.map((i) => i.field);

describe('report parameters', () => {
  it('fill defaults, keep typed values and read query-string texts as the declared type', () => {
    expect(resolveParams(DECLARED, { kind: 'sale' })).toEqual({ currency: null, limit: 10, detailed: false, as_of: null, kind: 'sale' });
    expect(resolveParams(DECLARED, { kind: 'refund', limit: '25', detailed: 'true', as_of: '2026-02-28', currency: ' USD ' })).toEqual({
      currency: 'USD',
      limit: 25,
      detailed: true,
      as_of: '2026-02-28',
      kind: 'refund',
    });
    expect(resolveParams(DECLARED, { kind: 'sale', limit: 3, detailed: false })).toMatchObject({ limit: 3, detailed: false });
  });

  it.each([
    ['an unknown name', { kind: 'sale', region: 'EU' }, ['params.region']],
    ['a missing required one', {}, ['params.kind']],
    ['text where an integer is declared', { kind: 'sale', limit: 'ten' }, ['params.limit']],
    ['a fraction where an integer is declared', { kind: 'sale', limit: 2.5 }, ['params.limit']],
    ['a number where text is declared', { kind: 'sale', currency: 840 }, ['params.currency']],
    ['yes where a boolean is declared', { kind: 'sale', detailed: 'yes' }, ['params.detailed']],
    ['a day that does not exist', { kind: 'sale', as_of: '2026-02-30' }, ['params.as_of']],
    ['a value outside the enum', { kind: 'gift' }, ['params.kind']],
    ['several at once, each named', { kind: 'gift', limit: 'x', other: 1 }, ['params.other', 'params.limit', 'params.kind']],
  ] as const)('refuse %s with a 400 naming it', (_name, given, named) => {
    const error = failure(given as Record<string, string | number | boolean | null>);
    expect([error.type, error.code]).toEqual(['validation_error', 'invalid_input']);
    expect(fields(error)).toEqual(named);
  });
});

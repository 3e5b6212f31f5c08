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

  const issuesOf = (error: ApiFailure) => (error.detail as { issues: Array<{ field: string; message: string }> }).issues;

  it.each([
    [{ kind: 'sale', region: 'EU' }, 'params.region', 'is not a parameter of this report (it accepts: currency, limit, detailed, as_of, kind)'],
    [{}, 'params.kind', 'is required'],
    [{ kind: '' }, 'params.kind', 'is required'],
    [{ kind: null }, 'params.kind', 'is required'],
    [{ kind: 'sale', currency: 840 }, 'params.currency', 'must be text, got number 840'],
    [{ kind: 'sale', limit: 'ten' }, 'params.limit', 'must be a whole number, got "ten"'],
    [{ kind: 'sale', limit: '12a' }, 'params.limit', 'must be a whole number, got "12a"'],
    [{ kind: 'sale', limit: 'a12' }, 'params.limit', 'must be a whole number, got "a12"'],
    [{ kind: 'sale', limit: '1234567890123456' }, 'params.limit', 'must be a whole number, got "1234567890123456"'],
    [{ kind: 'sale', limit: 2.5 }, 'params.limit', 'must be a whole number, got 2.5'],
    [{ kind: 'sale', limit: true }, 'params.limit', 'must be a whole number, got true'],
    [{ kind: 'sale', detailed: 'yes' }, 'params.detailed', 'must be true or false, got "yes"'],
    [{ kind: 'sale', detailed: 1 }, 'params.detailed', 'must be true or false, got 1'],
    [{ kind: 'sale', as_of: '2026-02-30' }, 'params.as_of', 'must be a day YYYY-MM-DD, got "2026-02-30"'],
    [{ kind: 'sale', as_of: 'x2026-01-01' }, 'params.as_of', 'must be a day YYYY-MM-DD, got "x2026-01-01"'],
    [{ kind: 'sale', as_of: '2026-01-01x' }, 'params.as_of', 'must be a day YYYY-MM-DD, got "2026-01-01x"'],
    [{ kind: 'sale', as_of: '2026-13-01' }, 'params.as_of', 'must be a day YYYY-MM-DD, got "2026-13-01"'],
    [{ kind: 'sale', as_of: '2026-01-00' }, 'params.as_of', 'must be a day YYYY-MM-DD, got "2026-01-00"'],
    [{ kind: 'sale', as_of: '2026-01-32' }, 'params.as_of', 'must be a day YYYY-MM-DD, got "2026-01-32"'],
    [{ kind: 'sale', as_of: 20260101 }, 'params.as_of', 'must be a day YYYY-MM-DD, got 20260101'],
    [{ kind: 'gift' }, 'params.kind', 'must be one of sale, refund, got "gift"'],
    [{ kind: 1 }, 'params.kind', 'must be one of sale, refund, got 1'],
  ] as const)('%j is refused: %s %s', (given, field, message) => {
    expect(issuesOf(failure(given as Record<string, string | number | boolean | null>))).toEqual([{ field, message }]);
  });

  it('accepts the edges: months 10 to 12, days 10 to 31, 15 digits, a negative number, text trimmed', () => {
    for (const day of ['2026-10-10', '2026-11-20', '2026-12-31', '2026-01-09', '2024-02-29']) expect(resolveParams(DECLARED, { kind: 'sale', as_of: day }).as_of).toBe(day);
    expect(resolveParams(DECLARED, { kind: 'sale', limit: ' 123456789012345 ' }).limit).toBe(123_456_789_012_345);
    expect(resolveParams(DECLARED, { kind: 'sale', limit: '-7' }).limit).toBe(-7);
    expect(resolveParams(DECLARED, { kind: 'sale', detailed: 'false' }).detailed).toBe(false);
    expect(resolveParams(DECLARED, { kind: 'sale', detailed: true }).detailed).toBe(true);
  });

  it('a report with no parameters says it accepts none; an optional one left out takes its default', () => {
    try {
      resolveParams([], { region: 'EU' });
      throw new Error('accepted');
    } catch (error) {
      expect(issuesOf(error as ApiFailure)).toEqual([{ field: 'params.region', message: 'is not a parameter of this report (it accepts: none)' }]);
    }
    expect(resolveParams([{ name: 'limit', type: 'integer', description: '', required: false, default: 10 }], undefined)).toEqual({ limit: 10 });
    // An enum declared without values accepts nothing.
    expect(() => resolveParams([{ name: 'pick', type: 'enum', description: '', required: false, default: null }], { pick: 'x' })).toThrow(ApiFailure);
  });
});

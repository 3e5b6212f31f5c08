import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../src/main/api/failure';
import { compileScopedView } from '../../src/main/grid/page-query';
import { compileView } from '../../src/main/grid/sql';
import { REVENUE_GRID_COLUMNS } from '../../src/main/revenues/columns';

// A grid view the allowlist cannot read is refused with a 400 that names the exact field
// (filterModel.<column>[.conditions.<i>].filter ...) and says what is wrong, so the grid
// can show it beside the filter. The filters' results are pinned in
// test/integration/grid-filters.test.ts; these are their refusals.

const view = (filterModel: object, sortModel: object[] = []) => compileView(REVENUE_GRID_COLUMNS, { filterModel, sortModel } as never, 'r.id');

function refusal(filterModel: object): { field: string; message: string } {
  try {
    view(filterModel);
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    const { type, code, message, detail } = error.toError();
    expect({ type, code }).toEqual({ type: 'validation_error', code: 'invalid_view' });
    const { issues } = detail as { issues: Array<{ field: string; message: string }> };
    expect(issues).toHaveLength(1);
    expect(message).toBe(`${issues[0].field}: ${issues[0].message}`);
    expect(issues[0].field).toMatch(/^filterModel\./);
    return issues[0];
  }
  throw new Error('expected the view to be refused');
}

const ALLOWED = 'externalId, occurredAt, kind, payeeName, productName, productCategory, amount, currency, orgName, quantity, description, refundOf, period';

describe('grid views the allowlist refuses, each naming its field', () => {
  it.each([
    [{ nope: { filterType: 'text', type: 'equals', filter: 'a' } }, 'filterModel.nope', `"nope" is not a column of this grid (allowed: ${ALLOWED})`],
    [{ amount: { filterType: 'set', values: [] } }, 'filterModel.amount', 'a set filter applies only to set columns'],
    [{ kind: { filterType: 'set', values: ['sale', 'gift', 'tip'] } }, 'filterModel.kind.values', 'unknown value(s) gift, tip; allowed: sale, refund, adjustment'],
    [{ amount: { filterType: 'text', type: 'contains', filter: '1' } }, 'filterModel.amount', 'a text filter does not apply to a money column'],
    [{ description: { filterType: 'number', type: 'equals', filter: 1 } }, 'filterModel.description', 'a number filter does not apply to a text column'],
    [{ quantity: { filterType: 'date', type: 'equals', dateFrom: '2026-10-01' } }, 'filterModel.quantity', 'a date filter does not apply to a number column'],
    [{ description: { filterType: 'text', type: 'contains', filter: '' } }, 'filterModel.description.filter', 'a value is required for this filter'],
    [{ description: { filterType: 'text', type: 'contains', filter: null } }, 'filterModel.description.filter', 'a value is required for this filter'],
    [{ description: { filterType: 'text', type: 'contains' } }, 'filterModel.description.filter', 'a value is required for this filter'],
    [{ quantity: { filterType: 'number', type: 'equals' } }, 'filterModel.quantity.filter', 'a value is required for this filter'],
    [{ quantity: { filterType: 'number', type: 'inRange', filter: 1 } }, 'filterModel.quantity.filterTo', 'a value is required for this filter'],
    [{ amount: { filterType: 'number', type: 'inRange', filter: null, filterTo: 2 } }, 'filterModel.amount.filter', 'a value is required for this filter'],
    [{ quantity: { filterType: 'number', type: 'equals', filter: 'abc' } }, 'filterModel.quantity.filter', '"abc" is not a number'],
    [{ quantity: { filterType: 'number', type: 'lessThan', filter: 'Infinity' } }, 'filterModel.quantity.filter', '"Infinity" is not a number'],
    // (These two messages carry the field name twice today: the number's refusal is wrapped
    // again by the money check around it. Pinned by their text, not the doubling.)
    [{ amount: { filterType: 'number', type: 'equals', filter: 1e21 } }, 'filterModel.amount.filter', expect.stringMatching(/ 1e\+21 is not a plain decimal amount$/)],
    [{ amount: { filterType: 'number', type: 'equals', filter: 1e-7 } }, 'filterModel.amount.filter', expect.stringMatching(/ 1e-7 is not a plain decimal amount$/)],
    [{ amount: { filterType: 'number', type: 'equals', filter: '1.0000001' } }, 'filterModel.amount.filter', '"1.0000001" has 7 decimals; at most 6 can be stored exactly'],
    [{ occurredAt: { filterType: 'date', type: 'equals' } }, 'filterModel.occurredAt.dateFrom', 'a value is required for this filter'],
    [{ occurredAt: { filterType: 'date', type: 'inRange', dateFrom: '2026-10-01' } }, 'filterModel.occurredAt.dateTo', 'a value is required for this filter'],
    [
      { amount: { filterType: 'number', operator: 'OR', conditions: [{ filterType: 'number', type: 'equals', filter: 1 }, { filterType: 'number', type: 'equals', filter: 'x' }] } },
      'filterModel.amount.conditions.1.filter',
      '"x" is not a plain decimal number',
    ],
  ])('%j', (filterModel, field, message) => {
    expect(refusal(filterModel)).toEqual({ field, message });
  });

  it('names the sort entry it refuses', () => {
    try {
      view({}, [{ colId: 'amount', sort: 'asc' }, { colId: 'secret', sort: 'asc' }]);
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as ApiFailure).toError().detail).toEqual({ issues: [{ field: 'sortModel.1.colId', message: `"secret" is not a column of this grid (allowed: ${ALLOWED})` }] });
    }
  });
});

describe('grid views it reads', () => {
  it('reads amounts typed with spaces around them, and whole and decimal numbers from the input box', () => {
    expect(view({ amount: { filterType: 'number', type: 'equals', filter: ' 5.00 ' } }).params).toEqual([5_000_000n]);
    expect(view({ amount: { filterType: 'number', type: 'inRange', filter: 12, filterTo: 12.5 } }).params).toEqual([12_000_000n, 12_500_000n]);
    expect(view({ quantity: { filterType: 'number', type: 'equals', filter: '3' } }).params).toEqual([3]);
  });

  it('orders an unsorted view by the key, ascending unless told otherwise', () => {
    expect(view({}).orderBy).toBe('r.id ASC');
    expect(compileView(REVENUE_GRID_COLUMNS, { filterModel: {}, sortModel: [] }, 'r.id', 'DESC').orderBy).toBe('r.id DESC');
  });

  it('a view with no scope and no filters selects every row', () => {
    const compiled = compileScopedView({ scope: [], columns: REVENUE_GRID_COLUMNS, key: 'r.id' }, { filterModel: {}, sortModel: [] });
    expect(compiled).toEqual({ where: '1', params: [], orderBy: 'r.id ASC', reverseOrderBy: 'r.id DESC', leading: { term: 'r.id', direction: 'ASC' } });
  });
});

import { describe, expect, it } from 'vitest';
import { compileView } from '../../src/main/grid/sql';
import { ApiFailure } from '../../src/main/api/failure';
import { REVENUE_GRID_COLUMNS } from '../../src/main/revenues/columns';

const view = (filterModel: object, sortModel: object[] = []) => compileView(REVENUE_GRID_COLUMNS, { filterModel, sortModel } as never, 'r.id');

function failure(fn: () => unknown): ApiFailure {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('grid sort and filter through the column allowlist', () => {
  it('binds every user value as a parameter', () => {
    const sql = view({ description: { filterType: 'text', type: 'contains', filter: "x'; DROP TABLE revenues; --" } });
    expect(sql.where.join(' ')).not.toContain('DROP');
    expect(sql.params).toEqual(["%x'; DROP TABLE revenues; --%"]);
  });

  it('escapes LIKE wildcards so they match literally', () => {
    expect(view({ externalId: { filterType: 'text', type: 'startsWith', filter: '50%_off' } }).params).toEqual(['50\\%\\_off%']);
  });

  it('refuses a column that is not in the allowlist, naming the field', () => {
    const error = failure(() => view({ 'r.id) OR 1=1 --': { filterType: 'text', type: 'equals', filter: 'a' } }));
    expect(error.code).toBe('invalid_view');
    expect(error.message).toMatch(/is not a column of this grid/);
    expect(failure(() => view({}, [{ colId: 'secret', sort: 'asc' }])).message).toMatch(/sortModel\.0\.colId/);
  });

  it('converts money filters to exact micro-units', () => {
    const sql = view({ amount: { filterType: 'number', type: 'inRange', filter: 0.1, filterTo: '1234.567891' } });
    expect(sql.params).toEqual([100_000n, 1_234_567_891n]);
    expect(failure(() => view({ amount: { filterType: 'number', type: 'equals', filter: 1e21 } })).message).toMatch(/plain decimal/);
  });

  it('checks set values against the column', () => {
    expect(view({ kind: { filterType: 'set', values: ['sale', 'refund'] } }).where[0]).toBe('r.kind IN (?, ?)');
    expect(failure(() => view({ kind: { filterType: 'set', values: ['gift'] } })).message).toMatch(/unknown value/);
    expect(failure(() => view({ amount: { filterType: 'text', type: 'equals', filter: '1' } })).message).toMatch(/does not apply/);
  });

  it('reads date ranges as whole days, both ends included', () => {
    const sql = view({ occurredAt: { filterType: 'date', type: 'inRange', dateFrom: '2026-10-01 00:00:00', dateTo: '2026-10-31 00:00:00' } });
    expect(sql.params).toEqual(['2026-10-01', '2026-11-01']);
  });

  it('orders by the allowlisted expression with a stable tiebreak', () => {
    expect(view({}, [{ colId: 'amount', sort: 'desc' }]).orderBy).toBe('r.amount_micros DESC, r.id DESC');
    expect(view({}, [{ colId: 'amount', sort: 'asc' }]).orderBy).toBe('r.amount_micros ASC, r.id ASC');
  });
});

describe('sorting by date', () => {
  it('sorts as (period, date), the same order, so the period index serves it', () => {
    expect(view({}, [{ colId: 'occurredAt', sort: 'desc' }]).orderBy).toBe('r.period DESC, r.occurred_at DESC, r.id DESC');
  });
});

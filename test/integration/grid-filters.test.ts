import { describe, expect, it } from 'vitest';
import type { ColumnFilter, FilterModel } from '../../src/shared/contract/grid';
import type { RevenueRow } from '../../src/shared/contract/revenues';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues, type SeedRevenue } from '../support/seed-revenues';

// Every grid filter type and operator, run through revenues.list against seeded rows. The
// ids each filter should match are worked out here in plain TypeScript from the rows
// themselves (never through the SQL builder), so a wrong operator, a lost NULL, a day
// boundary off by one or OR read as AND shows up as a wrong id list.

const ORG = 'org-parent';

// Times sit on day boundaries in UTC and in Los Angeles, including the day clocks go back
// there (2026-11-01, 25 hours long).
const ROWS: SeedRevenue[] = [
  { externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-04T23:59:59Z', amount: '10.00', quantity: 1, payee: 'Ada Books', product: 'Atlas', description: 'Late fee' },
  { externalId: 'ch_2', kind: 'sale', occurredAt: '2026-10-05T00:00:00Z', amount: '0.0125', quantity: 2, payee: 'Ben Audio', description: '50% off' },
  { externalId: 're_1', kind: 'refund', occurredAt: '2026-10-05T06:59:59Z', amount: '-10.00', quantity: 1, payee: 'Ada Books', refundOf: 'ch_1' },
  { externalId: 'ad_1', kind: 'adjustment', occurredAt: '2026-10-05T07:00:00Z', amount: '5.00', quantity: 3, description: '' },
  { externalId: null, kind: 'sale', occurredAt: '2026-10-05T23:59:59.5Z', amount: '9007199254.740991', quantity: 5, description: '500 off' },
  { externalId: 'CH_6', kind: 'sale', occurredAt: '2026-10-06T00:00:00Z', amount: '7.77', quantity: 4, payee: 'Cy', description: 'a_b' },
  { externalId: 'ad_2', kind: 'adjustment', occurredAt: '2026-10-31T23:30:00Z', amount: '-0.000001', quantity: 1, description: 'axb' },
  { externalId: 'ch_8', kind: 'sale', occurredAt: '2026-11-01T06:59:59Z', amount: '0', quantity: 0, description: 'Late' },
  { externalId: 'ch_9', kind: 'sale', occurredAt: '2026-11-02T07:59:59Z', amount: '1', quantity: 10 },
  { externalId: 'ch_10', kind: 'sale', occurredAt: '2026-11-02T08:00:00Z', amount: '100', quantity: 2, currency: 'EUR' },
  // Half a second after midnight in Los Angeles: a stored instant with a fraction sorts
  // before the same second without one ('.' < 'Z'), so the day's start is bound without its Z.
  { externalId: 'ch_11', kind: 'sale', occurredAt: '2026-10-05T07:00:00.5Z', amount: '2', quantity: 1, payee: 'Cy', product: 'Atlas' },
];

/** A seeded row as the predicates read it; ids follow the insertion order. */
interface Row {
  id: number;
  externalId: string | null;
  description: string | null;
  payeeName: string | null;
  productName: string | null;
  kind: string;
  quantity: number;
  micros: bigint;
  occurredAt: string;
}

const ROWS_BY_ID: Row[] = ROWS.map((r, i) => ({
  id: i + 1,
  externalId: r.externalId,
  description: r.description ?? null,
  payeeName: r.payee ?? null,
  productName: r.product ?? null,
  kind: r.kind,
  quantity: r.quantity ?? 1,
  micros: micros(r.amount),
  occurredAt: r.occurredAt,
}));

/** Decimal text to micro-units, by string arithmetic (not the app's money module). */
function micros(decimal: string): bigint {
  const negative = decimal.startsWith('-');
  const [whole, fraction = ''] = decimal.replace('-', '').split('.');
  const value = BigInt(whole) * 1_000_000n + BigInt((fraction + '000000').slice(0, 6));
  return negative ? -value : value;
}

/** The calendar day of an instant on a clock, from the runtime's own time zone data. */
function dayOn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

type Predicate = (row: Row) => boolean;
type TextField = 'externalId' | 'description' | 'payeeName' | 'productName' | 'kind';
type Condition = Exclude<ColumnFilter, { filterType: 'set' } | { conditions: unknown }>;

function textMatches(value: string | null, type: string, filter: string): boolean {
  const v = value?.toLowerCase() ?? null;
  const f = filter.toLowerCase();
  switch (type) {
    case 'contains':
      return v !== null && v.includes(f);
    case 'notContains':
      return v === null || !v.includes(f);
    case 'equals':
      return v === f;
    case 'notEqual':
      return v !== f;
    case 'startsWith':
      return v !== null && v.startsWith(f);
    case 'endsWith':
      return v !== null && v.endsWith(f);
    case 'blank':
      return v === null || v === '';
    default: // notBlank
      return v !== null && v !== '';
  }
}

function compare<T extends number | bigint>(value: T, type: string, a: T, b?: T): boolean {
  switch (type) {
    case 'equals':
      return value === a;
    case 'notEqual':
      return value !== a;
    case 'lessThan':
      return value < a;
    case 'lessThanOrEqual':
      return value <= a;
    case 'greaterThan':
      return value > a;
    case 'greaterThanOrEqual':
      return value >= a;
    case 'inRange':
      return value >= a && value <= b!;
    case 'blank':
      return false; // the column is never NULL
    default: // notBlank
      return true;
  }
}

function dayMatches(day: string, type: string, from: string, to?: string): boolean {
  switch (type) {
    case 'equals':
      return day === from;
    case 'notEqual':
      return day !== from;
    case 'lessThan':
      return day < from;
    case 'greaterThan':
      return day > from;
    case 'inRange':
      return day >= from && day <= to!;
    case 'blank':
      return false;
    default: // notBlank
      return true;
  }
}

/** What a single condition on a column should match. */
function conditionPredicate(colId: string, c: Condition, timeZone: string): Predicate {
  if (c.filterType === 'text') return (r) => textMatches(r[colId as TextField], c.type, c.filter ?? '');
  if (c.filterType === 'number') {
    if (colId === 'amount') {
      const toMicros = (v: number | string | null | undefined) => micros(String(v ?? '0'));
      return (r) => compare(r.micros, c.type, toMicros(c.filter), toMicros(c.filterTo));
    }
    return (r) => compare(r.quantity, c.type, Number(c.filter), Number(c.filterTo));
  }
  const day = (v: string | null | undefined) => (v ?? '').slice(0, 10);
  return (r) => dayMatches(dayOn(r.occurredAt, timeZone), c.type, day(c.dateFrom), day(c.dateTo));
}

function filterPredicate(colId: string, filter: ColumnFilter, timeZone: string): Predicate {
  if (filter.filterType === 'set') return (r) => filter.values.includes(r.kind);
  if ('conditions' in filter) {
    const parts = filter.conditions.map((c) => conditionPredicate(colId, c, timeZone));
    return filter.operator === 'OR' ? (r) => parts.some((p) => p(r)) : (r) => parts.every((p) => p(r));
  }
  return conditionPredicate(colId, filter, timeZone);
}

function expectedIds(filterModel: FilterModel, timeZone: string): number[] {
  const predicates = Object.entries(filterModel).map(([colId, filter]) => filterPredicate(colId, filter, timeZone));
  return ROWS_BY_ID.filter((r) => predicates.every((p) => p(r))).map((r) => r.id);
}

// The cases: every operator of every filter type, on values that sit at the edges.
const TEXT_TYPES = ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith'] as const;
const NUMBER_TYPES = ['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual'] as const;
const DATE_TYPES = ['equals', 'notEqual', 'lessThan', 'greaterThan'] as const;

const textCases: FilterModel[] = [
  ...(['description', 'externalId', 'payeeName'] as const).flatMap((colId) =>
    [...(['blank', 'notBlank'] as const).map((type) => ({ [colId]: { filterType: 'text', type } }) as FilterModel)],
  ),
  ...TEXT_TYPES.flatMap((type) =>
    [
      ['description', 'late'],
      ['description', '50%'],
      ['description', 'a_b'],
      ['description', 'OFF'],
      ['externalId', 'ch_1'],
      ['externalId', 'CH_'],
      ['payeeName', 'ada books'],
      ['kind', 'sale'],
    ].map(([colId, filter]) => ({ [colId]: { filterType: 'text', type, filter } }) as FilterModel),
  ),
];

const numberCases: FilterModel[] = [
  ...NUMBER_TYPES.flatMap((type) => [
    { quantity: { filterType: 'number', type, filter: 2 } } as FilterModel,
    { quantity: { filterType: 'number', type, filter: '0' } } as FilterModel,
    { amount: { filterType: 'number', type, filter: 0.0125 } } as FilterModel,
    { amount: { filterType: 'number', type, filter: '-10' } } as FilterModel,
    { amount: { filterType: 'number', type, filter: '-0.000001' } } as FilterModel,
    { amount: { filterType: 'number', type, filter: '9007199254.740991' } } as FilterModel,
  ]),
  { quantity: { filterType: 'number', type: 'inRange', filter: 2, filterTo: 4 } },
  { amount: { filterType: 'number', type: 'inRange', filter: '-10.00', filterTo: 5 } },
  { amount: { filterType: 'number', type: 'inRange', filter: '0', filterTo: '0' } },
  { quantity: { filterType: 'number', type: 'blank' } },
  { amount: { filterType: 'number', type: 'notBlank' } },
];

const dateCases: FilterModel[] = [
  ...DATE_TYPES.flatMap((type) =>
    ['2026-10-04', '2026-10-05 00:00:00', '2026-10-31', '2026-11-01', '2026-11-02'].map((dateFrom) => ({ occurredAt: { filterType: 'date', type, dateFrom } }) as FilterModel),
  ),
  { occurredAt: { filterType: 'date', type: 'inRange', dateFrom: '2026-10-05 00:00:00', dateTo: '2026-10-06 00:00:00' } },
  { occurredAt: { filterType: 'date', type: 'inRange', dateFrom: '2026-11-01', dateTo: '2026-11-01' } },
  { occurredAt: { filterType: 'date', type: 'inRange', dateFrom: '2026-10-31', dateTo: '2026-11-02' } },
  { occurredAt: { filterType: 'date', type: 'blank' } },
  { occurredAt: { filterType: 'date', type: 'notBlank' } },
];

const combinedCases: FilterModel[] = [
  { description: { filterType: 'text', operator: 'OR', conditions: [{ filterType: 'text', type: 'contains', filter: 'late' }, { filterType: 'text', type: 'blank' }] } },
  { description: { filterType: 'text', operator: 'AND', conditions: [{ filterType: 'text', type: 'contains', filter: 'off' }, { filterType: 'text', type: 'notContains', filter: '%' }] } },
  { externalId: { filterType: 'text', operator: 'OR', conditions: [{ filterType: 'text', type: 'startsWith', filter: 're' }, { filterType: 'text', type: 'endsWith', filter: '_2' }] } },
  { quantity: { filterType: 'number', operator: 'OR', conditions: [{ filterType: 'number', type: 'lessThan', filter: 1 }, { filterType: 'number', type: 'greaterThan', filter: 4 }] } },
  { quantity: { filterType: 'number', operator: 'AND', conditions: [{ filterType: 'number', type: 'greaterThanOrEqual', filter: 2 }, { filterType: 'number', type: 'lessThanOrEqual', filter: 4 }] } },
  { amount: { filterType: 'number', operator: 'OR', conditions: [{ filterType: 'number', type: 'lessThan', filter: '0' }, { filterType: 'number', type: 'greaterThanOrEqual', filter: '100' }] } },
  { occurredAt: { filterType: 'date', operator: 'OR', conditions: [{ filterType: 'date', type: 'equals', dateFrom: '2026-10-05' }, { filterType: 'date', type: 'equals', dateFrom: '2026-11-02' }] } },
  { occurredAt: { filterType: 'date', operator: 'AND', conditions: [{ filterType: 'date', type: 'greaterThan', dateFrom: '2026-10-04' }, { filterType: 'date', type: 'lessThan', dateFrom: '2026-10-06' }] } },
  { kind: { filterType: 'set', values: ['sale'] }, amount: { filterType: 'number', type: 'greaterThan', filter: 1 } },
  { payeeName: { filterType: 'text', type: 'contains', filter: 'a' }, description: { filterType: 'text', type: 'notBlank' } },
  // Both joins at once (payees and products).
  { payeeName: { filterType: 'text', type: 'notBlank' }, productName: { filterType: 'text', type: 'startsWith', filter: 'at' } },
  { kind: { filterType: 'set', values: ['refund', 'adjustment'] } },
  { kind: { filterType: 'set', values: ['sale', 'refund', 'adjustment'] } },
  { kind: { filterType: 'set', values: [] } },
];

const label = (model: FilterModel) => JSON.stringify(model).replace(/"/g, '');

async function workspaceOn(timeZone: string) {
  const ctx = tempWorkspace();
  seedOrgWithRevenues(ctx.workspace.db, ROWS);
  ctx.workspace.db.prepare('UPDATE orgs SET time_zone = ? WHERE id = ?').run(timeZone, ORG);
  return ctx;
}

async function idsOf(core: Awaited<ReturnType<typeof workspaceOn>>['core'], filterModel: FilterModel): Promise<number[]> {
  const page = await callOk<{ rows: RevenueRow[]; rowCount: number }>(core, 'revenues.list', { orgId: ORG, startRow: 0, endRow: 100, filterModel });
  expect(page.rowCount).toBe(page.rows.length);
  return page.rows.map((r) => r.id);
}

describe('grid filters against seeded rows, expected ids worked out independently', () => {
  it('the predicates here are not vacuous: the edges the cases rely on are really in the rows', () => {
    expect(ROWS_BY_ID.map((r) => dayOn(r.occurredAt, 'America/Los_Angeles'))).toEqual([
      '2026-10-04', '2026-10-04', '2026-10-04', '2026-10-05', '2026-10-05', '2026-10-05', '2026-10-31', '2026-10-31', '2026-11-01', '2026-11-02', '2026-10-05',
    ]);
    expect(expectedIds({ description: { filterType: 'text', type: 'notContains', filter: 'late' } }, 'UTC')).toEqual([2, 3, 4, 5, 6, 7, 9, 10, 11]);
    expect(expectedIds({ occurredAt: { filterType: 'date', type: 'greaterThan', dateFrom: '2026-10-05' } }, 'UTC')).toEqual([6, 7, 8, 9, 10]);
    expect(expectedIds({ occurredAt: { filterType: 'date', type: 'lessThan', dateFrom: '2026-10-05' } }, 'America/Los_Angeles')).toEqual([1, 2, 3]);
  });

  for (const timeZone of ['UTC', 'America/Los_Angeles']) {
    describe(`on an org that keeps ${timeZone} time`, () => {
      const cases = [...textCases, ...numberCases, ...dateCases, ...combinedCases];
      it(`matches exactly the expected rows for each of ${cases.length} filters`, async () => {
        const { core } = await workspaceOn(timeZone);
        const wrong: string[] = [];
        let nonEmpty = 0;
        for (const model of cases) {
          const expected = expectedIds(model, timeZone);
          const actual = await idsOf(core, model);
          if (expected.length > 0 && expected.length < ROWS.length) nonEmpty++;
          if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push(`${label(model)}: expected [${expected}] got [${actual}]`);
        }
        expect(wrong).toEqual([]);
        // Most cases split the rows: a filter that matches all or nothing proves little.
        expect(nonEmpty).toBeGreaterThan(cases.length * 0.7);
      });
    });
  }
});

import { z } from 'zod';

// The part of AG Grid's server-side request the API accepts. Column ids are checked
// against each grid's allowlist on the main side; here only the shapes are fixed.

export const MAX_PAGE_ROWS = 1000;

export const sortModelSchema = z
  .array(// AG Grid may add a sort `type`; it is accepted and ignored.
    z.object({ colId: z.string().min(1).max(64), sort: z.enum(['asc', 'desc']), type: z.string().max(32).optional() }).strict())
  .max(8);

const textCondition = z
  .object({
    filterType: z.literal('text'),
    type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
    filter: z.string().max(500).nullish(),
  })
  .strict();

const numberCondition = z
  .object({
    filterType: z.literal('number'),
    type: z.enum(['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank']),
    // AG Grid sends numbers; strings are accepted too so exact decimals can be sent.
    filter: z.union([z.number(), z.string()]).nullish(),
    filterTo: z.union([z.number(), z.string()]).nullish(),
  })
  .strict();

const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/, 'expected YYYY-MM-DD or YYYY-MM-DD hh:mm:ss');

const dateCondition = z
  .object({
    filterType: z.literal('date'),
    type: z.enum(['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank']),
    dateFrom: isoDateTime.nullish(),
    dateTo: isoDateTime.nullish(),
  })
  .strict();

const setFilter = z
  .object({ filterType: z.literal('set'), values: z.array(z.string().max(200)).max(500) })
  .strict();

const simpleCondition = z.discriminatedUnion('filterType', [textCondition, numberCondition, dateCondition]);

const combined = z
  .object({
    filterType: z.enum(['text', 'number', 'date']),
    operator: z.enum(['AND', 'OR']),
    conditions: z.array(simpleCondition).min(1).max(4),
  })
  .strict();

export const columnFilterSchema = z.union([simpleCondition, setFilter, combined]);
export const filterModelSchema = z.record(z.string().min(1).max(64), columnFilterSchema);

export type SortModel = z.infer<typeof sortModelSchema>;
export type ColumnFilter = z.infer<typeof columnFilterSchema>;
export type FilterModel = z.infer<typeof filterModelSchema>;

/** Sort and filter of a grid view: what a page request and an export share. */
export const gridViewSchema = z.object({
  sortModel: sortModelSchema.default([]),
  filterModel: filterModelSchema.default({}),
});

/** Page fields of a grid request; pair with `pageCheck` so the page size is checked. */
export const pageFields = {
  startRow: z.number().int().min(0),
  endRow: z.number().int().min(1),
};

/**
 * Checks the page span even when other fields failed, so a caller hears about every
 * failing field at once (zod skips refinements after an issue unless `when` says so).
 */
export const pageCheck = [
  checkPage,
  {
    when: (payload: { value: unknown }) => {
      const v = payload.value as { startRow?: unknown; endRow?: unknown } | null;
      return Number.isInteger(v?.startRow) && Number.isInteger(v?.endRow);
    },
  },
] as const;

function checkPage(page: { startRow: number; endRow: number }, ctx: z.RefinementCtx): void {
  if (page.endRow <= page.startRow) {
    ctx.addIssue({ code: 'custom', message: 'endRow must be greater than startRow', path: ['endRow'] });
  } else if (page.endRow - page.startRow > MAX_PAGE_ROWS) {
    ctx.addIssue({ code: 'custom', message: `a page holds at most ${MAX_PAGE_ROWS} rows`, path: ['endRow'] });
  }
}

export interface Page<Row> {
  rows: Row[];
  /** Rows matching the filters, across all pages. */
  rowCount: number;
}

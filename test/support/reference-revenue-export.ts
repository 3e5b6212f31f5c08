// The revenue exporter as it was before SQLite built the lines (src/main/revenues/export.ts
// before issue 8 item 15): a row at a time through better-sqlite3, each cell written in JS.
// Tests and the benchmark compare the exporter's bytes with this one's.
import { REVENUE_COLUMN_LABELS, REVENUE_KIND_LABELS } from '../../src/shared/contract/revenue-labels';
import type { RevenueColumn, RevenueKind } from '../../src/shared/contract/revenues';
import { microsToDecimal } from '../../src/shared/money';
import type { Database } from '../../src/main/db/driver';
import { textCell, writeCsvFile, type CsvWriteResult } from '../../src/main/export/csv-file';
import { orgTimeZone } from '../../src/main/orgs/org-time-zone';
import { instantToWallText } from '../../src/main/time/zoned-time';
import { REVENUE_GRID_COLUMNS } from '../../src/main/revenues/columns';
import { revenueExportQuery } from '../../src/main/revenues/export';
import type { RevenueView } from '../../src/main/revenues/view';

type Cell = (value: unknown) => string;

const moneyCell: Cell = (v) => microsToDecimal(v as number);
const numberCell: Cell = (v) => (v === null ? '' : String(v));
const plainText: Cell = (v) => textCell(v as string | null);
const kindCell: Cell = (v) => textCell(REVENUE_KIND_LABELS[v as RevenueKind] ?? (v as string));

function cellFor(column: RevenueColumn, timeZone: string): Cell {
  if (column === 'kind') return kindCell;
  if (column === 'occurredAt') return (v) => instantToWallText(v as string, timeZone);
  const kind = REVENUE_GRID_COLUMNS[column].kind;
  if (kind === 'money') return moneyCell;
  if (kind === 'number') return numberCell;
  return plainText;
}

export function exportRevenuesRowByRow(db: Database.Database, view: RevenueView & { columns: RevenueColumn[]; path: string; bom?: boolean }): CsvWriteResult {
  const query = revenueExportQuery(db, view);
  const timeZone = orgTimeZone(db, view.orgId);
  const cells = view.columns.map((c) => cellFor(c, timeZone));
  const statement = db.prepare(query.sql).raw(true);
  function* rows() {
    for (const raw of statement.iterate(...query.params) as Iterable<unknown[]>) {
      const out = new Array<string>(cells.length);
      for (let i = 0; i < cells.length; i++) out[i] = cells[i](raw[i]);
      yield out;
    }
  }
  return writeCsvFile(
    view.path,
    view.columns.map((c) => (c === 'occurredAt' ? `${REVENUE_COLUMN_LABELS[c]} (${timeZone})` : REVENUE_COLUMN_LABELS[c])),
    rows(),
    { bom: view.bom ?? true },
  );
}

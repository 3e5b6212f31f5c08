import type { FilterModel, Page, SortModel } from '../../shared/contract/grid';
import type { PayeeColumn, PayeeRow } from '../../shared/contract/payees';
import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import type { GridColumn } from '../grid/columns';
import { queryPage } from '../grid/page-query';
import { assertOrg } from '../orgs/assert-org';

/** The payees grid's allowlist: column id -> fixed SQL. */
const PAYEE_GRID_COLUMNS: Readonly<Record<PayeeColumn, GridColumn>> = {
  id: { sql: 'p.id', kind: 'number' },
  externalId: { sql: 'p.external_id', kind: 'text' },
  name: { sql: 'p.name', kind: 'text' },
  email: { sql: 'p.email', kind: 'text' },
  onHold: { sql: 'p.on_hold', kind: 'number' },
  threshold: { sql: 'p.threshold_micros', kind: 'money' },
  fallbackPercentage: { sql: 'p.fallback_percentage', kind: 'text' },
  createdAt: { sql: 'p.created_at', kind: 'date' },
  updatedAt: { sql: 'p.updated_at', kind: 'date' },
};

interface StoredPayee {
  id: number;
  external_id: string | null;
  name: string;
  email: string | null;
  on_hold: number;
  threshold_micros: number;
  fallback_percentage: string | null;
  created_at: string;
  updated_at: string;
}

function toPayeeRow(p: StoredPayee): PayeeRow {
  return {
    id: p.id,
    externalId: p.external_id,
    name: p.name,
    email: p.email,
    onHold: p.on_hold === 1,
    threshold: microsToDecimal(p.threshold_micros),
    fallbackPercentage: p.fallback_percentage,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

export function listPayees(db: Database.Database, view: { orgId: string; sortModel: SortModel; filterModel: FilterModel; startRow: number; endRow: number }): Page<PayeeRow> {
  assertOrg(db, view.orgId);
  const page = queryPage<StoredPayee>(
    db,
    {
      select: 'SELECT p.id, p.external_id, p.name, p.email, p.on_hold, p.threshold_micros, p.fallback_percentage, p.created_at, p.updated_at',
      base: 'payees p',
      key: 'p.id',
      scope: [{ sql: 'p.org_id = ?', params: [view.orgId] }],
      columns: PAYEE_GRID_COLUMNS,
    },
    view,
  );
  return { rows: page.rows.map(toPayeeRow), rowCount: page.rowCount };
}

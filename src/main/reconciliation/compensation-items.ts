import type { FilterModel, Page, SortModel } from '../../shared/contract/grid';
import type { CompensationColumn, CompensationItemRow } from '../../shared/contract/reconciliation';
import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import type { GridColumn } from '../grid/columns';
import { queryPage, type PageQuery } from '../grid/page-query';
import { assertOrg } from '../orgs/assert-org';
import { orgScope, type ConsumptionScope } from '../consumption/grid';

const COLUMNS: Readonly<Record<CompensationColumn, GridColumn>> = {
  uuid: { sql: 'i.uuid', kind: 'text' },
  kind: { sql: 'i.kind', kind: 'set', values: ['credit', 'charge'] },
  amount: { sql: 'i.amount_micros', kind: 'money' },
  buy_amount: { sql: 'i.buy_micros', kind: 'money' },
  currency: { sql: 'i.currency', kind: 'text' },
  billing_period: { sql: 'i.billing_period', kind: 'date' },
  customer_name: { sql: 'i.customer_name', kind: 'text' },
  record_uuid: { sql: 'c.uuid', kind: 'text' },
  invoice_item_uuid: { sql: 'i.invoice_item_uuid', kind: 'text' },
  created: { sql: 'i.created_at', kind: 'date' },
  reversed_at: { sql: 'i.reversed_at', kind: 'date' },
  reversal_reason: { sql: 'i.reversal_reason', kind: 'text' },
};

interface StoredItem {
  uuid: string;
  kind: 'credit' | 'charge';
  amount_micros: number;
  buy_micros: number;
  currency: string;
  billing_period: string;
  customer_uuid: string | null;
  customer_name: string | null;
  record_uuid: string;
  invoice_item_uuid: string | null;
  created_at: string;
  reversed_at: string | null;
  reversal_reason: string | null;
}

/** reconciliation.compensationItems: the credits and charges of an org's scope, one grid page. */
export function listCompensationItems(
  db: Database.Database,
  input: ConsumptionScope & { sortModel: SortModel; filterModel: FilterModel; startRow: number; endRow: number },
): Page<CompensationItemRow> {
  assertOrg(db, input.orgId);
  const scope: PageQuery['scope'] = [orgScope(db, input, 'i')];
  if (input.period !== null) scope.push({ sql: 'i.billing_period = ?', params: [`${input.period}-01`] });
  if (input.customerUuid !== null) scope.push({ sql: 'i.customer_uuid = ?', params: [input.customerUuid.toLowerCase()] });
  const page = queryPage<StoredItem>(
    db,
    {
      select: `SELECT i.uuid, i.kind, i.amount_micros, i.buy_micros, i.currency, i.billing_period, i.customer_uuid, i.customer_name, c.uuid AS record_uuid,
        i.invoice_item_uuid, i.created_at, i.reversed_at, i.reversal_reason`,
      base: 'compensation_items i',
      key: 'i.id',
      joins: { c: 'LEFT JOIN consumption_records c ON c.id = i.record_id' },
      scope,
      columns: COLUMNS,
    },
    input,
  );
  return {
    rows: page.rows.map((i) => ({
      uuid: i.uuid,
      kind: i.kind,
      amount: microsToDecimal(i.amount_micros),
      buy_amount: microsToDecimal(i.buy_micros),
      currency: i.currency,
      billing_period: i.billing_period,
      customer_uuid: i.customer_uuid,
      customer_name: i.customer_name,
      record_uuid: i.record_uuid,
      invoice_item_uuid: i.invoice_item_uuid,
      created: i.created_at,
      reversed_at: i.reversed_at,
      reversal_reason: i.reversal_reason,
    })),
    rowCount: page.rowCount,
  };
}

import type { FilterModel, Page, SortModel } from '../../shared/contract/grid';
import { RULE_SCOPES, RULE_STATUSES, type RuleColumn, type RuleRow } from '../../shared/contract/rules';
import type { Database } from '../db/driver';
import type { GridColumn } from '../grid/columns';
import { queryPage } from '../grid/page-query';
import { assertOrg } from '../orgs/assert-org';
import { RuleNames, type StoredSplit } from './rule-store';

/** The rules grid's allowlist: column id -> fixed SQL. */
const RULE_GRID_COLUMNS: Readonly<Record<RuleColumn, GridColumn>> = {
  id: { sql: 'r.id', kind: 'number' },
  externalId: { sql: 'r.external_id', kind: 'text' },
  name: { sql: 'r.name', kind: 'text' },
  status: { sql: 'r.status', kind: 'set', values: RULE_STATUSES },
  scope: { sql: 'r.scope', kind: 'set', values: RULE_SCOPES },
  scopeValue: { sql: 'coalesce(p.name, r.category, r.tag)', kind: 'text' },
  effectiveFrom: { sql: 'r.effective_from', kind: 'text' },
  effectiveTo: { sql: 'r.effective_to', kind: 'text' },
  splitCount: { sql: 'json_array_length(r.splits)', kind: 'number' },
  version: { sql: 'r.version', kind: 'number' },
  updatedAt: { sql: 'r.updated_at', kind: 'date' },
};

type StoredRow = Omit<RuleRow, 'splits'> & { splitsJson: string };

export function listRules(db: Database.Database, view: { orgId: string; sortModel: SortModel; filterModel: FilterModel; startRow: number; endRow: number }): Page<RuleRow> {
  assertOrg(db, view.orgId);
  const page = queryPage<StoredRow>(
    db,
    {
      select: `SELECT r.id, r.external_id AS externalId, r.name, r.status, r.scope, coalesce(p.name, r.category, r.tag) AS scopeValue,
        r.effective_from AS effectiveFrom, r.effective_to AS effectiveTo, json_array_length(r.splits) AS splitCount, r.splits AS splitsJson, r.version, r.updated_at AS updatedAt`,
      base: 'rules r',
      key: 'r.id',
      joins: { p: 'LEFT JOIN products p ON p.id = r.product_id' },
      scope: [{ sql: 'r.org_id = ?', params: [view.orgId] }],
      columns: RULE_GRID_COLUMNS,
    },
    view,
  );
  const names = new RuleNames(db);
  return {
    rowCount: page.rowCount,
    rows: page.rows.map(({ splitsJson, ...row }) => ({
      ...row,
      splits: names.splits(JSON.parse(splitsJson) as StoredSplit[]).map((s) => ({ payeeName: s.payeeName, percentage: s.percentage, fixedAmount: s.fixedAmount })),
    })),
  };
}

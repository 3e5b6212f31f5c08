import type { TaskNote } from '../../shared/contract/tasks';
import type { Database } from '../db/driver';
import { monthInWords } from '../imports/records/period-locks';
import { failed, passed, plural, warned, type CloseCheck } from './check-result';
import { payoutsCheck } from './payouts-check';
import { statementsCheck } from './statements-check';

export function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/**
 * Error rows of the committed batches that wrote into the month. A revenue row with an
 * external id is resolved once a revenue with that id is in the org (a corrected file
 * brought it in); until then it is an error. Rows that name no record (no external id, or
 * another entity) cannot be matched to one: they are warnings, to check by hand.
 */
const importsCheck: CloseCheck = {
  id: 'imports',
  label: 'Imports have no unresolved error rows',
  run(db, orgId, period) {
    const rows = db
      .prepare(
        `SELECT b.id AS batch, b.entity, b.file_name AS file, o.row_number AS row, o.external_id AS externalId,
           CASE WHEN b.entity = 'revenues' AND o.external_id IS NOT NULL
             THEN EXISTS (SELECT 1 FROM revenues r WHERE r.org_id = b.org_id AND r.external_id = o.external_id) ELSE NULL END AS resolved
         FROM import_batch_periods p JOIN import_batches b ON b.id = p.batch_id
         JOIN import_outcomes o ON o.batch_id = b.id AND o.outcome = 'error'
         WHERE p.period = ? AND b.org_id = ? AND b.status = 'committed'
         ORDER BY b.id, o.row_number`,
      )
      .all(period, orgId) as Array<{ batch: number; entity: string; file: string | null; row: number; externalId: string | null; resolved: number | null }>;
    const unresolved = rows.filter((r) => r.resolved === 0);
    const untraced = rows.filter((r) => r.resolved === null);
    const where = (r: (typeof rows)[number]) => `batch ${r.batch}${r.file ? ` (${r.file})` : ''} row ${r.row}${r.externalId ? ` "${r.externalId}"` : ''}`;
    const list = (some: typeof rows) => some.slice(0, 3).map(where).join(', ') + (some.length > 3 ? ` and ${some.length - 3} more` : '');
    const warnings: TaskNote[] = untraced.length
      ? [{ check: 'imports', code: 'untraced_error_rows', count: untraced.length, message: `${plural(untraced.length, 'error row')} ${untraced.length === 1 ? 'names' : 'name'} no record to match (${list(untraced)}): check ${untraced.length === 1 ? 'it' : 'them'} by hand.` }]
      : [];
    if (unresolved.length) {
      return {
        ...failed('imports', this.label, [
          {
            check: 'imports',
            code: 'unresolved_error_rows',
            count: unresolved.length,
            message: `${plural(unresolved.length, 'import row')} of ${monthInWords(period)} failed and ${unresolved.length === 1 ? 'its revenue is' : 'their revenues are'} still missing: ${list(unresolved)}. Import ${unresolved.length === 1 ? 'it' : 'them'} corrected, or undo the batch.`,
          },
        ]),
        warnings,
      };
    }
    if (warnings.length) return warned('imports', this.label, warnings);
    return passed('imports', this.label, rows.length ? `${plural(rows.length, 'error row')}, each since imported.` : 'No import into this month has an error row.');
  },
};

/** Every consumption record of the billing month finalized and reconciled, or held on purpose. */
const consumptionCheck: CloseCheck = {
  id: 'consumption',
  label: 'Consumption is finalized and reconciled or held',
  run(db, orgId, period) {
    if (!tableExists(db, 'consumption_records') || !tableExists(db, 'reconciliation_events')) {
      return warned('consumption', this.label, [{ check: 'consumption', code: 'check_unavailable', message: 'This workspace has no reconciliation yet; the check was skipped.' }]);
    }
    const c = db
      .prepare(
        `SELECT count(*) AS total,
           coalesce(sum(review_status = 'held'), 0) AS held,
           coalesce(sum(is_finalized = 0 AND coalesce(review_status, '') <> 'held'), 0) AS notFinalized,
           coalesce(sum(is_finalized = 1 AND is_reconciled = 0 AND coalesce(review_status, '') <> 'held'), 0) AS notReconciled
         FROM consumption_records WHERE org_id = ? AND billing_period = ?`,
      )
      .get(orgId, `${period}-01`) as { total: number; held: number; notFinalized: number; notReconciled: number };
    if (c.total === 0) return passed('consumption', this.label, 'No consumption records in this month.');
    const errors: TaskNote[] = [];
    if (c.notFinalized) {
      errors.push({ check: 'consumption', code: 'consumption_not_finalized', count: c.notFinalized, message: `${plural(c.notFinalized, 'consumption record')} of ${c.total.toLocaleString('en-US')} ${c.notFinalized === 1 ? 'has' : 'have'} no final billed amount yet: import the billing export.` });
    }
    if (c.notReconciled) {
      errors.push({ check: 'consumption', code: 'consumption_not_reconciled', count: c.notReconciled, message: `${plural(c.notReconciled, 'finalized consumption record')} ${c.notReconciled === 1 ? 'is' : 'are'} neither reconciled nor held: run the reconciliation, and approve or hold what needs review.` });
    }
    if (errors.length) return failed('consumption', this.label, errors);
    if (c.held) {
      return warned('consumption', this.label, [{ check: 'consumption', code: 'consumption_held', count: c.held, message: `${plural(c.held, 'consumption record')} ${c.held === 1 ? 'is' : 'are'} held on purpose and ${c.held === 1 ? 'stays' : 'stay'} so in the closed month.` }]);
    }
    return passed('consumption', this.label, `All ${plural(c.total, 'consumption record')} finalized and reconciled.`);
  },
};

/** A month closed while an earlier one is open: allowed, said. */
const earlierMonthsCheck: CloseCheck = {
  id: 'earlier_months',
  label: 'Earlier months are closed',
  run(db, orgId, period) {
    const open = db.prepare("SELECT period FROM periods WHERE org_id = ? AND period < ? AND status = 'in_progress' ORDER BY period").pluck().all(orgId, period) as string[];
    if (open.length === 0) return passed('earlier_months', this.label, 'No earlier month is open.');
    const shown = open.length > 3 ? `${open.slice(0, 3).join(', ')} and ${open.length - 3} more` : open.join(', ');
    return warned('earlier_months', this.label, [{ check: 'earlier_months', code: 'earlier_month_open', count: open.length, message: `${plural(open.length, 'earlier month')} ${open.length === 1 ? 'is' : 'are'} still open (${shown}).` }]);
  },
};

/** The checks, in the order they run. */
export const CLOSE_CHECKS: readonly CloseCheck[] = [importsCheck, consumptionCheck, statementsCheck, payoutsCheck, earlierMonthsCheck];

/** The month's revenues and consumption records: what the checks read. */
export function recordsToProcess(db: Database.Database, orgId: string, period: string): number {
  const revenues = db.prepare('SELECT count(*) FROM revenues WHERE org_id = ? AND period = ?').pluck().get(orgId, period) as number;
  const consumption = tableExists(db, 'consumption_records')
    ? (db.prepare('SELECT count(*) FROM consumption_records WHERE org_id = ? AND billing_period = ?').pluck().get(orgId, `${period}-01`) as number)
    : 0;
  return revenues + consumption;
}

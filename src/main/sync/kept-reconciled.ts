import type { Database } from '../db/driver';
import { readBillingRecord, resourceKeys } from '../imports/records/billing-record';
import { readConsumptionRecord } from '../imports/records/consumption-record';
import type { RawRecord } from '../imports/records/field-readers';

/**
 * A consumption record reconciled here keeps its reconciliation: the server's newer version
 * of it (its estimate or its final amounts) is not written (the writer would refuse it and stop the whole source). Matched as
 * the consumption writer matches: license, billing period and resource (uuid, else name).
 * Returns the local record's id when it is reconciled, else null (a record the checks
 * refuse is left to the writer, which names the fault).
 */
export function reconciledMatcher(db: Database.Database, orgId: string, timeZone: string, entity: 'consumption' | 'billing'): (fields: Record<string, unknown>) => number | null {
  const byKey = db.prepare('SELECT id, is_reconciled FROM consumption_records WHERE org_id = ? AND license_reference = ? AND resource_key = ? AND billing_period = ?');
  const byName = db.prepare('SELECT id, is_reconciled FROM consumption_records WHERE org_id = ? AND license_reference = ? AND billing_period = ? AND resource_name = ? LIMIT 2');
  return (fields) => {
    let f;
    try {
      f = entity === 'billing' ? readBillingRecord(fields as RawRecord) : readConsumptionRecord(fields as RawRecord, timeZone);
    } catch {
      return null;
    }
    let found: { id: number; is_reconciled: number } | undefined;
    for (const key of resourceKeys(f)) {
      found = byKey.get(orgId, f.license_reference, key, f.billing_period) as typeof found;
      if (found) break;
    }
    if (!found && f.resource_name !== undefined) {
      const named = byName.all(orgId, f.license_reference, f.billing_period, f.resource_name) as Array<{ id: number; is_reconciled: number }>;
      if (named.length === 1) found = named[0];
    }
    return found?.is_reconciled === 1 ? found.id : null;
  };
}

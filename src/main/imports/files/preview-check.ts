import type { ImportEntity } from '../../../shared/contract/imports';
import type { MappedRecord } from '../mapping/row-mapper';
import { readBillingRecord } from '../records/billing-record';
import { readConsumptionRecord } from '../records/consumption-record';
import { FieldProblem } from '../records/field-problem';
import type { RawRecord } from '../records/field-readers';
import { readPayeeRecord } from '../records/payee-writer';
import { readProductRecord } from '../records/product-writer';
import { readRevenueRecord } from '../records/revenue-record';
import { readUsageRecord } from '../records/usage-record';
import { previewCommitment, previewShowbackUsage } from '../records/showback-fields';

const READERS: Record<ImportEntity, (raw: RawRecord) => unknown> = {
  revenues: readRevenueRecord,
  payees: readPayeeRecord,
  products: readProductRecord,
  billing: readBillingRecord,
  consumption: readConsumptionRecord,
  usage: readUsageRecord,
  commitments: previewCommitment,
  showback_usage: previewShowbackUsage,
};

/**
 * A preview row's field problem, as the import would report it: the records layer's own
 * per-field checks (no workspace needed). Rules that need the workspace (duplicates,
 * locked periods, references) are left to imports.check.
 */
export function checkPreviewRecord(entity: ImportEntity, record: MappedRecord, columnOfField: ReadonlyMap<string, string>): { column: string | null; message: string } | null {
  try {
    READERS[entity](record);
    return null;
  } catch (error) {
    if (!(error instanceof FieldProblem)) throw error;
    const column = error.field ? (columnOfField.get(error.field) ?? error.field) : null;
    return { column, message: error.field ? `${error.field}: ${error.message}` : error.message };
  }
}

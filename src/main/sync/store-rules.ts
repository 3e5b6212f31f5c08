import type { Database } from '../db/driver';
import { FieldProblem } from '../imports/records/field-problem';
import type { RawRecord } from '../imports/records/field-readers';
import type { RowOutcome } from '../imports/records/outcome';
import { RuleWriter } from '../rules/rule-batch';
import type { PulledRecord } from './sources/source-adapter';
import { SyncFault } from './sync-fault';

/**
 * Rules are not an import entity: they are saved as rules.batch saves them (create_or_update
 * by external_id, each save a version, here saved by the sync), inside the sync's
 * transaction. A refused rule stops the source naming it. Outcomes' rowNumber is the index.
 */
export function storeRules(db: Database.Database, orgId: string, label: string, records: PulledRecord[], now: string): RowOutcome[] {
  const writer = new RuleWriter(db, orgId, 'create_or_update', now.slice(0, 19) + 'Z', `sync (${label})`);
  return records.map((record, index) => {
    try {
      return writer.write(index, record.fields as RawRecord);
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      throw new SyncFault(`${label}: rules record ${record.label} was refused: ${error.field ? `${error.field}: ` : ''}${error.message}`);
    }
  });
}

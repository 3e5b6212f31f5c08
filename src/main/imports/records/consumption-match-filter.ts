import type { Database } from '../../db/driver';
import type { ConsumptionFields } from './consumption-record';
import { KeyFilter, keyHash, type KeyHash } from './key-filter';

/**
 * Tells, without reading consumption_records, that a consumption row certainly matches no
 * stored record, so the writer can create it without the two or three lookups a match
 * takes. That is known for a row whose org and month held no record when the batch first
 * met the month (then every record of that month is one this batch created) and whose
 * resource this batch has not created in that license and month: created records' keys go
 * into a KeyFilter. Any other row answers "may match" and is looked up as before.
 *
 * The keys are those the lookups compare (consumption-writer's find): the resource uuid
 * against resource_key 'uuid:…', and the resource name against resource_name, which covers
 * both the 'name:…' key and the match by name alone.
 */
export class ConsumptionMatchFilter {
  /** Month -> it held none of the org's records when the batch first met it. */
  private readonly emptyAtStart = new Map<string, boolean>();
  private readonly created = new KeyFilter();
  private readonly anyRecordIn: Database.Statement;
  /** The last row asked about and its keys' hashes: the row then created is that row. */
  private last: ({ f: ConsumptionFields } & RowKeyHashes) | null = null;

  constructor(
    db: Database.Database,
    private readonly orgId: string,
  ) {
    // consumption_record_counts is kept by triggers on every insert and delete: a month with no row there (or 0) has no record.
    this.anyRecordIn = db.prepare('SELECT 1 FROM consumption_record_counts WHERE org_id = ? AND billing_period = ? AND records > 0 LIMIT 1').pluck();
  }

  /** False only when the row certainly matches no stored record. Call for every row, before anything of its month is created. */
  mayMatch(f: ConsumptionFields): boolean {
    if (!this.heldNone(f.billing_period)) return true;
    const keys = this.keysOf(f);
    return (keys.uuid !== null && this.created.mayHaveHash(keys.uuid)) || (keys.name !== null && this.created.mayHaveHash(keys.name));
  }

  /**
   * A record is created from this row (by either path): later rows naming its resource may
   * match it. Answers the row's key hashes when its month held none of the org's records, else null.
   */
  noteCreated(f: ConsumptionFields): RowKeyHashes | null {
    if (!this.heldNone(f.billing_period)) return null;
    const keys = this.keysOf(f);
    if (keys.uuid !== null) this.created.addHash(keys.uuid);
    if (keys.name !== null) this.created.addHash(keys.name);
    return keys;
  }

  /** The row's key hashes: its resource uuid's and its resource name's in its license and month (null: not given). */
  keysOf(f: ConsumptionFields): RowKeyHashes {
    if (this.last?.f === f) return this.last;
    const { license_reference: license, billing_period: period } = f;
    this.last = {
      f,
      uuid: f.resource_uuid === undefined ? null : keyHash(license, period, 'uuid', f.resource_uuid),
      name: f.resource_name === undefined ? null : keyHash(license, period, 'name', f.resource_name),
    };
    return this.last;
  }

  /** The month held none of the org's records when the batch first met it: all its records are the batch's. */
  heldNone(period: string): boolean {
    let empty = this.emptyAtStart.get(period);
    if (empty === undefined) {
      empty = this.anyRecordIn.get(this.orgId, period) === undefined;
      this.emptyAtStart.set(period, empty);
    }
    return empty;
  }
}

/** A consumption row's or record's key hashes (null: no resource uuid, no resource name). */
export interface RowKeyHashes {
  uuid: KeyHash | null;
  name: KeyHash | null;
}

/** A stored record's key hashes: those of the rows naming it (keysOf), from its stored license, month, uuid and name. */
export function rowKeyHashes(license: string, period: string, uuid: string | null, name: string | null): RowKeyHashes {
  return {
    uuid: uuid === null ? null : keyHash(license, period, 'uuid', uuid),
    name: name === null ? null : keyHash(license, period, 'name', name),
  };
}

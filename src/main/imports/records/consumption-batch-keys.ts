import type { Database } from '../../db/driver';
import type { ConsumptionFields } from './consumption-record';
import { rowKeyHashes, type RowKeyHashes } from './consumption-match-filter';
import { DeferredUniqueIndex } from './deferred-indexes';
import { KeyHashIds, MAX_HASHED_ID } from './key-hash-ids';

/** Past this many keys (two a record) the table gives way to the index again (about 64 MB of slots). */
const MAX_KEYS = 4_000_000;

interface KeyOfRecord {
  license_reference: string;
  billing_period: string;
  resource_key: string;
  resource_name: string | null;
}

/**
 * While a bulk consumption batch has only met months that held none of the org's records
 * (so every record there is one it created), the unique match index (org, license,
 * resource key, month) is dropped, like the uuid index, and built again before COMMIT:
 * inserting a million random keys into it cost about a fifth of the import. The rows the
 * Bloom filter cannot clear are then looked up here, in a table of the records the batch
 * created in those months by the hashes the filter already took of their keys (no key text
 * is built), each candidate confirmed by reading the record by id. A row of a month that
 * held records, more than MAX_KEYS keys or an id past MAX_HASHED_ID build the index again
 * first, and the batch goes on with it.
 */
export class ConsumptionBatchKeys {
  private table: KeyHashIds | null = null;
  private readonly matchIndex: DeferredUniqueIndex;
  private readonly keyOf: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly batchId: number,
    private readonly isFresh: (period: string) => boolean,
  ) {
    this.matchIndex = new DeferredUniqueIndex(db, 'consumption_records_match');
    this.keyOf = db.prepare('SELECT license_reference, billing_period, resource_key, resource_name FROM consumption_records WHERE id = ?');
  }

  /** The index is dropped and lookups in fresh months are answered here. */
  get active(): boolean {
    return this.table !== null;
  }

  /** Drop the index, holding the keys of every record the batch created so far (from `firstId` on) in a fresh month. */
  start(firstId: number): void {
    if (this.table !== null) return;
    // Not there (another step put it off already): nothing to take over.
    if (this.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = 'consumption_records_match'").get() === undefined) return;
    const table = new KeyHashIds();
    const created = this.db.prepare('SELECT id, license_reference, billing_period, resource_key, resource_name FROM consumption_records WHERE id >= ? AND batch_id = ?');
    for (const r of created.iterate(firstId, this.batchId) as Iterable<KeyOfRecord & { id: number }>) {
      if (!this.isFresh(r.billing_period)) continue;
      const uuid = r.resource_key.startsWith('uuid:') ? r.resource_key.slice(5) : null;
      addKeys(table, r.id, rowKeyHashes(r.license_reference, r.billing_period, uuid, r.resource_name));
    }
    this.table = table;
    this.matchIndex.drop();
  }

  /** A record this batch just inserted, with its row's key hashes (null: its month held records). */
  noteCreated(id: number, keys: RowKeyHashes | null): void {
    const table = this.table;
    if (table === null || keys === null) return;
    if (id > MAX_HASHED_ID || table.size + 2 > MAX_KEYS) return this.stop();
    addKeys(table, id, keys);
  }

  /**
   * The id find() would answer, for a row of a fresh month (`keys`: its key hashes): the
   * record with its uuid key, else the one record with its name. By name that is also the
   * record whose key is 'name:…', since a fresh month never holds two records of one license
   * and name (the second row would have matched the first).
   */
  find(f: ConsumptionFields, keys: RowKeyHashes): number | undefined {
    const table = this.table!;
    const { license_reference: license, billing_period: period } = f;
    const holds = (id: number, want: (r: KeyOfRecord) => boolean) => {
      const r = this.keyOf.get(id) as KeyOfRecord | undefined;
      return r !== undefined && r.license_reference === license && r.billing_period === period && want(r);
    };
    if (keys.uuid !== null) {
      const key = `uuid:${f.resource_uuid}`;
      const id = table.find(keys.uuid[0], (candidate) => holds(candidate, (r) => r.resource_key === key));
      if (id !== undefined) return id;
    }
    if (keys.name === null) return undefined;
    const name = f.resource_name;
    return table.find(keys.name[0], (candidate) => holds(candidate, (r) => r.resource_name === name));
  }

  /** Build the index again (lookups go back to it); inside the transaction, before COMMIT at the latest. */
  stop(): void {
    this.table = null;
    this.matchIndex.rebuild();
  }
}

function addKeys(table: KeyHashIds, id: number, keys: RowKeyHashes): void {
  if (keys.uuid !== null) table.add(keys.uuid[0], id);
  if (keys.name !== null) table.add(keys.name[0], id);
}

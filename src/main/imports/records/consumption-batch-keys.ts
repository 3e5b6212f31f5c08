import type { Database } from '../../db/driver';
import type { ConsumptionFields } from './consumption-record';
import { DeferredUniqueIndex } from './deferred-indexes';
import { KeyIdTable, MAX_TABLE_ID } from './key-id-table';

/** Past this many keys (two a record) the table gives way to the index again (about 32 MB of slots). */
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
 * Bloom filter cannot clear are then looked up here, in a KeyIdTable of the records the
 * batch created in those months, each candidate confirmed by reading the record by id.
 * A row of a month that held records, more than MAX_KEYS keys or an id past MAX_TABLE_ID
 * build the index again first, and the batch goes on with it.
 */
export class ConsumptionBatchKeys {
  private table: KeyIdTable | null = null;
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
    const table = new KeyIdTable();
    const created = this.db.prepare('SELECT id, license_reference, billing_period, resource_key, resource_name FROM consumption_records WHERE id >= ? AND batch_id = ?');
    for (const record of created.iterate(firstId, this.batchId) as Iterable<KeyOfRecord & { id: number }>) {
      if (this.isFresh(record.billing_period)) addKeys(table, record.id, record);
    }
    this.table = table;
    this.matchIndex.drop();
  }

  /** A record this batch just inserted. */
  noteCreated(id: number, f: ConsumptionFields): void {
    const table = this.table;
    if (table === null || !this.isFresh(f.billing_period)) return;
    if (id > MAX_TABLE_ID || table.size + 2 > MAX_KEYS) return this.stop();
    addKeys(table, id, {
      license_reference: f.license_reference,
      billing_period: f.billing_period,
      resource_key: f.resource_uuid !== undefined ? `uuid:${f.resource_uuid}` : `name:${f.resource_name}`,
      resource_name: f.resource_name ?? null,
    });
  }

  /**
   * The id find() would answer, for a row of a fresh month: the record with its uuid key,
   * else with its name key, else the one record with its name (a fresh month never holds
   * two records of one license and name: the second row would have matched the first).
   */
  find(f: ConsumptionFields): number | undefined {
    const table = this.table!;
    const { license_reference: license, billing_period: period } = f;
    const holds = (id: number, want: (r: KeyOfRecord) => boolean) => {
      const r = this.keyOf.get(id) as KeyOfRecord | undefined;
      return r !== undefined && r.license_reference === license && r.billing_period === period && want(r);
    };
    for (const key of [f.resource_uuid !== undefined ? `uuid:${f.resource_uuid}` : null, f.resource_name !== undefined ? `name:${f.resource_name}` : null]) {
      if (key === null) continue;
      const id = table.find(`k\u0000${license}\u0000${period}\u0000${key}`, (candidate) => holds(candidate, (r) => r.resource_key === key));
      if (id !== undefined) return id;
    }
    if (f.resource_name === undefined) return undefined;
    const name = f.resource_name;
    return table.find(`n\u0000${license}\u0000${period}\u0000${name}`, (candidate) => holds(candidate, (r) => r.resource_name === name));
  }

  /** Build the index again (lookups go back to it); inside the transaction, before COMMIT at the latest. */
  stop(): void {
    this.table = null;
    this.matchIndex.rebuild();
  }
}

function addKeys(table: KeyIdTable, id: number, r: KeyOfRecord): void {
  table.add(`k\u0000${r.license_reference}\u0000${r.billing_period}\u0000${r.resource_key}`, id);
  if (r.resource_name !== null) table.add(`n\u0000${r.license_reference}\u0000${r.billing_period}\u0000${r.resource_name}`, id);
}

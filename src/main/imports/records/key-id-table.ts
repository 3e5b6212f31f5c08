import { KeyHashIds, MAX_HASHED_ID } from './key-hash-ids';

/** Hashes kept of the keys looked up last (a chunk of inserts is 20 rows). */
const RECENT_KEYS = 64;
/** Ids are kept in an Int32Array: a record id past this cannot be held. */
export const MAX_TABLE_ID = MAX_HASHED_ID;

/**
 * Text key -> record id, for a batch that writes while the table's unique index on the key
 * is dropped (see DeferredUniqueIndex): 8 bytes a slot, no strings kept (a Map of a million
 * ids would hold a million strings, about 100 MB). The slots are KeyHashIds' (the key's
 * 32-bit hash and the id); a hash match is only a candidate: the caller confirms it by
 * reading the record's key by its id, so a collision costs one read and never a wrong
 * answer. Equal keys are equal JavaScript strings: SQLite stores a string's UTF-16 as UTF-8
 * (a lone surrogate as its own three bytes), so equal strings are equal stored bytes and
 * the other way round.
 */
export class KeyIdTable {
  private readonly ids: KeyHashIds;
  // Hashes of the keys looked up last: a key is looked up before its insert and added just after.
  private readonly recent = new Map<string, number>();

  constructor(capacity = 1 << 16) {
    this.ids = new KeyHashIds(capacity);
  }

  get size(): number {
    return this.ids.size;
  }

  /** Bytes the table holds now. */
  get bytes(): number {
    return this.ids.bytes;
  }

  add(key: string, id: number): void {
    this.ids.add(this.recent.get(key) ?? hashOf(key), id);
  }

  /** The id of the record with this key: candidates by hash, each confirmed by `holds` (does record `id` have this key?). */
  find(key: string, holds: (id: number, key: string) => boolean): number | undefined {
    const hash = hashOf(key);
    if (this.recent.size >= RECENT_KEYS) this.recent.clear();
    this.recent.set(key, hash);
    return this.ids.find(hash, (id) => holds(id, key));
  }
}

/** FNV-1a over UTF-16 code units (KeyHashIds mixes it before taking a slot). */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

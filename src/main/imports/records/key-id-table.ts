/** Slots are doubled once more than this share of them is taken. */
const MAX_LOAD = 0.5;
/** Ids are kept in an Int32Array: a record id past this cannot be held. */
export const MAX_TABLE_ID = 0x7fffffff;

/**
 * Text key -> record id, for a batch that writes while the table's unique index on the key
 * is dropped (see DeferredUniqueIndex): 8 bytes a slot, no strings kept (a Map of a million
 * ids would hold a million strings, about 100 MB). A slot holds the key's 32-bit hash and
 * the id. A hash match is only a candidate: the caller confirms it by reading the record's
 * key by its id, so a collision costs one read and never a wrong answer. Equal keys are
 * equal JavaScript strings: SQLite stores a string's UTF-16 as UTF-8 (a lone surrogate as
 * its own three bytes), so equal strings are equal stored bytes and the other way round.
 */
export class KeyIdTable {
  private hashes: Int32Array;
  private ids: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 16) {
    let slots = 1;
    while (slots < capacity) slots *= 2;
    this.hashes = new Int32Array(slots);
    this.ids = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** Bytes the table holds now. */
  get bytes(): number {
    return this.hashes.byteLength + this.ids.byteLength;
  }

  add(key: string, id: number): void {
    if (!Number.isInteger(id) || id < 1 || id > MAX_TABLE_ID) throw new Error(`key table: id ${id} is out of range`);
    if (this.size + 1 > (this.mask + 1) * MAX_LOAD) this.grow();
    this.place(hashOf(key), id);
    this.size++;
  }

  /** The id of the record with this key: candidates by hash, each confirmed by `holds` (does record `id` have this key?). */
  find(key: string, holds: (id: number, key: string) => boolean): number | undefined {
    const hash = hashOf(key);
    for (let slot = hash & this.mask; this.ids[slot] !== 0; slot = (slot + 1) & this.mask) {
      if (this.hashes[slot] === hash && holds(this.ids[slot], key)) return this.ids[slot];
    }
    return undefined;
  }

  private place(hash: number, id: number): void {
    let slot = hash & this.mask;
    while (this.ids[slot] !== 0) slot = (slot + 1) & this.mask;
    this.hashes[slot] = hash;
    this.ids[slot] = id;
  }

  private grow(): void {
    const { hashes, ids } = this;
    const slots = (this.mask + 1) * 2;
    this.hashes = new Int32Array(slots);
    this.ids = new Int32Array(slots);
    this.mask = slots - 1;
    for (let i = 0; i < ids.length; i++) if (ids[i] !== 0) this.place(hashes[i], ids[i]);
  }
}

/** FNV-1a over UTF-16 code units, then a murmur3 finaliser so the low bits (the slot) are well mixed. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

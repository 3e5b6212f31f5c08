/** Slots are doubled once more than this share of them is taken. */
const MAX_LOAD = 0.5;
/** Hashes kept of the keys looked up last (a chunk of inserts is 20 rows). */
const RECENT_KEYS = 64;
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
  /** [hash, id] per slot, side by side: one cache line per probe. id 0: empty. */
  private slots: Int32Array;
  private mask: number;
  // Hashes of the keys looked up last: a key is looked up before its insert and added just after.
  private readonly recent = new Map<string, number>();
  size = 0;

  constructor(capacity = 1 << 16) {
    let slots = 1;
    while (slots < capacity) slots *= 2;
    this.slots = new Int32Array(slots * 2);
    this.mask = slots - 1;
  }

  /** Bytes the table holds now. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  add(key: string, id: number): void {
    if (!Number.isInteger(id) || id < 1 || id > MAX_TABLE_ID) throw new Error(`key table: id ${id} is out of range`);
    if (this.size + 1 > (this.mask + 1) * MAX_LOAD) this.grow();
    this.place(this.recent.get(key) ?? hashOf(key), id);
    this.size++;
  }

  /** The id of the record with this key: candidates by hash, each confirmed by `holds` (does record `id` have this key?). */
  find(key: string, holds: (id: number, key: string) => boolean): number | undefined {
    const hash = hashOf(key);
    if (this.recent.size >= RECENT_KEYS) this.recent.clear();
    this.recent.set(key, hash);
    const { slots, mask } = this;
    for (let slot = hash & mask; slots[slot * 2 + 1] !== 0; slot = (slot + 1) & mask) {
      if (slots[slot * 2] === hash && holds(slots[slot * 2 + 1], key)) return slots[slot * 2 + 1];
    }
    return undefined;
  }

  private place(hash: number, id: number): void {
    const { slots, mask } = this;
    let slot = hash & mask;
    while (slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
    slots[slot * 2] = hash;
    slots[slot * 2 + 1] = id;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.place(old[i], old[i + 1]);
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

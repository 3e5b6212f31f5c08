/** Slots are doubled once more than this share of them is taken. */
const MAX_LOAD = 0.5;
/** Ids are kept in an Int32Array: a record id past this cannot be held. */
export const MAX_HASHED_ID = 0x7fffffff;

/**
 * 32-bit key hash -> record ids, for a writer that already hashed its keys (KeyFilter's
 * keyHash): no key text is built or kept, 8 bytes a slot. Several ids may share a hash; each
 * is only a candidate, which the caller confirms by reading the record by its id, so a
 * collision costs a read and never a wrong answer.
 */
export class KeyHashIds {
  /** [hash, id] per slot, side by side. id 0: empty. */
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 16) {
    let slots = 1;
    while (slots < capacity) slots *= 2;
    this.slots = new Int32Array(slots * 2);
    this.mask = slots - 1;
  }

  add(hash: number, id: number): void {
    if (!Number.isInteger(id) || id < 1 || id > MAX_HASHED_ID) throw new Error(`key hash table: id ${id} is out of range`);
    if (this.size + 1 > (this.mask + 1) * MAX_LOAD) this.grow();
    this.place(hash | 0, id);
    this.size++;
  }

  /** Bytes the table holds now. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  /** The first id with this hash that `holds` confirms (does record `id` have the key?). */
  find(hash: number, holds: (id: number) => boolean): number | undefined {
    const h = hash | 0;
    const { slots, mask } = this;
    for (let slot = mix(h) & mask; slots[slot * 2 + 1] !== 0; slot = (slot + 1) & mask) {
      if (slots[slot * 2] === h && holds(slots[slot * 2 + 1])) return slots[slot * 2 + 1];
    }
    return undefined;
  }

  private place(h: number, id: number): void {
    const { slots, mask } = this;
    let slot = mix(h) & mask;
    while (slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
    slots[slot * 2] = h;
    slots[slot * 2 + 1] = id;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.place(old[i], old[i + 1]);
  }
}

/** A murmur3 finaliser: the low bits (the slot) depend on every bit of the hash. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

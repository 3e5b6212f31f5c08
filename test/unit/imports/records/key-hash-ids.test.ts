import { describe, expect, it } from 'vitest';
import { keyHash } from '../../../../src/main/imports/records/key-filter';
import { KeyHashIds, MAX_HASHED_ID } from '../../../../src/main/imports/records/key-hash-ids';

describe('KeyHashIds', () => {
  it('finds every id added under its key hash, through growth, and none for a key not added', () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => ['XSP' + (i % 97), '2026-10-01', 'uuid', `res-${i}`]);
    const hashes = keys.map((parts) => keyHash(...parts)[0]);
    const table = new KeyHashIds(16);
    hashes.forEach((h, i) => table.add(h, i + 1));
    expect(table.size).toBe(keys.length);
    // The store: record id holds the key at keys[id - 1].
    const holds = (parts: string[]) => (id: number) => keys[id - 1].join('\u0000') === parts.join('\u0000');
    for (let i = 0; i < keys.length; i += 7) expect(table.find(hashes[i], holds(keys[i]))).toBe(i + 1);
    for (let i = 0; i < 500; i++) {
      const absent = ['XSP1', '2026-10-01', 'uuid', `absent-${i}`];
      expect(table.find(keyHash(...absent)[0], holds(absent))).toBeUndefined();
    }
  });

  it('ids sharing a hash are each a candidate: the one the store confirms is answered, whichever was added first', () => {
    const table = new KeyHashIds();
    table.add(0xdeadbeef, 3);
    table.add(0xdeadbeef, 9);
    expect(table.find(0xdeadbeef, (id) => id === 9)).toBe(9);
    expect(table.find(0xdeadbeef, (id) => id === 3)).toBe(3);
    expect(table.find(0xdeadbeef, () => false)).toBeUndefined();
    // A hash past 2^31 and its signed form are the same slot key.
    expect(table.find(0xdeadbeef | 0, (id) => id === 9)).toBe(9);
  });

  it('refuses an id it cannot hold', () => {
    const table = new KeyHashIds();
    expect(() => table.add(1, 0)).toThrow(/out of range/);
    expect(() => table.add(1, MAX_HASHED_ID + 1)).toThrow(/out of range/);
    expect(() => table.add(1, 1.5)).toThrow(/out of range/);
    table.add(1, MAX_HASHED_ID);
    expect(table.find(1, () => true)).toBe(MAX_HASHED_ID);
  });
});

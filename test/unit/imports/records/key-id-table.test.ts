import { describe, expect, it } from 'vitest';
import { KeyIdTable, MAX_TABLE_ID } from '../../../../src/main/imports/records/key-id-table';

/** A stand-in for the workspace: id -> the key stored with it. */
function store(keys: string[]): { holds: (id: number, key: string) => boolean; reads: () => number } {
  let reads = 0;
  return {
    holds: (id, key) => {
      reads++;
      return keys[id - 1] === key;
    },
    reads: () => reads,
  };
}

describe('KeyIdTable', () => {
  it('finds every key added, through growth, and no key not added', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => (i % 3 === 0 ? `txn_${(i * 2654435761) % 1e9}` : `#${1000 + i}:SKU-${i % 97}:${i % 3}`));
    const { holds } = store(keys);
    const table = new KeyIdTable(16);
    keys.forEach((key, i) => table.add(key, i + 1));
    expect(table.size).toBe(keys.length);
    for (let i = 0; i < keys.length; i += 7) expect(table.find(keys[i], holds)).toBe(i + 1);
    for (let i = 0; i < 1000; i++) expect(table.find(`absent_${i}`, holds)).toBeUndefined();
    // 8 bytes a slot, at most half of them taken.
    expect(table.bytes).toBeLessThanOrEqual(keys.length * 32);
  });

  it('a hash match is only a candidate: the store decides, so a collision is never a wrong answer', () => {
    const table = new KeyIdTable();
    table.add('a', 1);
    // The store says record 1 holds another key (as a colliding key's record would): not found.
    expect(table.find('a', () => false)).toBeUndefined();
    expect(table.find('a', (id, key) => id === 1 && key === 'a')).toBe(1);
  });

  it('a miss reads the store only on a hash collision', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `ch_3Q${i}`);
    const { holds, reads } = store(keys);
    const table = new KeyIdTable();
    keys.forEach((key, i) => table.add(key, i + 1));
    for (let i = 0; i < 10_000; i++) table.find(`pi_${i}`, holds);
    expect(reads()).toBeLessThan(5);
  });

  it('keys differing only in a lone surrogate are different keys, as SQLite stores them', () => {
    const keys = ['a\ud800b', 'a\ud801b', 'a\ufffdb'];
    const { holds } = store(keys);
    const table = new KeyIdTable();
    keys.forEach((key, i) => table.add(key, i + 1));
    expect(keys.map((key) => table.find(key, holds))).toEqual([1, 2, 3]);
  });

  it('refuses an id it cannot hold', () => {
    const table = new KeyIdTable();
    expect(() => table.add('a', 0)).toThrow(/out of range/);
    expect(() => table.add('a', MAX_TABLE_ID + 1)).toThrow(/out of range/);
    expect(() => table.add('a', 1.5)).toThrow(/out of range/);
  });
});

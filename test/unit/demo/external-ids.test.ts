import { describe, expect, it } from 'vitest';
import { externalId, scramble32 } from '../../../src/main/demo/external-ids';

describe('external ids: unique by construction', () => {
  it('maps the first million sequence numbers to a million different ids', () => {
    const seen = new Set<string>();
    for (let i = 1; i <= 1_000_000; i++) seen.add(externalId('ch_', i, 0x1234abcd));
    expect(seen.size).toBe(1_000_000);
  });

  it('is a bijection: distinct inputs never collide, whatever the key', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++) seen.add(scramble32(i * 21_467, 0xdeadbeef));
    expect(seen.size).toBe(200_000);
  });

  it('always has the prefix and 7 base-36 characters', () => {
    for (const sequence of [0, 1, 2 ** 31, 2 ** 32 - 1]) expect(externalId('ch_', sequence, 99)).toMatch(/^ch_[0-9a-z]{7}$/);
  });

  it('gives payee 5, product 5 and sale 5 different suffixes', () => {
    const suffixes = ['pay_', 'prod_', 'ch_'].map((prefix) => externalId(prefix, 5, 77).slice(prefix.length));
    expect(new Set(suffixes).size).toBe(3);
  });
});

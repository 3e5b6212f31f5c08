import { describe, expect, it } from 'vitest';
import { KeyFilter, keyHash } from '../../../../src/main/imports/records/key-filter';

const key = (i: number) => `XSP${i}\u00002025-${String((i % 12) + 1).padStart(2, '0')}-01\u0000uuid:${(i * 2654435761) >>> 0}`;

describe('KeyFilter: "certainly not added" or "maybe added"', () => {
  it('an empty filter has nothing', () => {
    expect(new KeyFilter().mayHave('anything')).toBe(false);
  });

  it('every added key answers maybe, and keys never added rarely do', () => {
    const filter = new KeyFilter();
    const added = 200_000;
    for (let i = 0; i < added; i++) filter.add(key(i));
    for (let i = 0; i < added; i++) if (!filter.mayHave(key(i))) throw new Error(`added key ${i} answered "not added"`);
    let wrong = 0;
    for (let i = added; i < 2 * added; i++) if (filter.mayHave(key(i))) wrong++;
    // Well under 1 % at this fill; a bad hash (or one that ignored part of the key) answers maybe far more often.
    expect(wrong / added).toBeLessThan(0.01);
  });

  it('compares exactly: a key differing only in case, or only in its last character, is another key', () => {
    const filter = new KeyFilter();
    filter.add('XSP1\u00002025-01-01\u0000name:vm-1');
    expect(filter.mayHave('XSP1\u00002025-01-01\u0000name:vm-1')).toBe(true);
    expect(filter.mayHave('xsp1\u00002025-01-01\u0000name:vm-1')).toBe(false);
    expect(filter.mayHave('XSP1\u00002025-01-01\u0000name:vm-2')).toBe(false);
  });

  it('past two million keys it adds a layer and still finds every key', () => {
    const filter = new KeyFilter();
    const n = 2_100_000;
    for (let i = 0; i < n; i++) filter.add(`k${i}`);
    let missing = 0;
    for (let i = 0; i < n; i += 7) if (!filter.mayHave(`k${i}`)) missing++;
    expect(missing).toBe(0);
    let wrong = 0;
    for (let i = n; i < n + 100_000; i++) if (filter.mayHave(`k${i}`)) wrong++;
    expect(wrong / 100_000).toBeLessThan(0.02);
  });

  it('hashes parts as one key with a separator: parts that run together differently are other keys', () => {
    const filter = new KeyFilter();
    filter.addHash(keyHash('XSP1', '2025-01-01', 'name', 'vm-1'));
    expect(filter.mayHaveHash(keyHash('XSP1', '2025-01-01', 'name', 'vm-1'))).toBe(true);
    expect(filter.mayHaveHash(keyHash('XSP12025-01-01', '', 'name', 'vm-1'))).toBe(false);
    expect(filter.mayHaveHash(keyHash('XSP1', '2025-01-01', 'uuid', 'vm-1'))).toBe(false);
    expect(filter.mayHaveHash(keyHash('XSP1', '2025-01-01', 'namevm-1'))).toBe(false);
  });
});

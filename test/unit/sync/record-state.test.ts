import { describe, expect, it } from 'vitest';
import { differingFields, localValues, serverHash } from '../../../src/main/sync/record-state';
import { tempWorkspace } from '../../support/temp-workspace';

// What a sync compares: the server's version of a record (its hash), and a local row beside
// the server's fields in the source's own names, value by value in a comparable form.

describe('serverHash', () => {
  it('is 16 hex digits that follow the values, not the order of the keys', () => {
    const a = serverHash({ amount: '1.50', id: 'x', when: '2026-10-01' });
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(serverHash({ when: '2026-10-01', id: 'x', amount: '1.50' })).toBe(a);
    expect(serverHash({ amount: '1.5', id: 'x', when: '2026-10-01' })).not.toBe(a);
    expect(serverHash({ amount: '1.50', id: 'x' })).not.toBe(a);
  });
});

describe('differingFields', () => {
  const same = (local: unknown, server: unknown) => differingFields({ f: local }, { f: server }).length === 0;

  it.each([
    ['1.50', '1.5'],
    ['1.500', 1.5],
    ['10.0', '10'],
    ['0.10', '0.1'],
    ['-2.0', '-2'],
    ['-1.50', '-1.5'],
    ['12.50', '12.5'],
    ['1.250', '1.25'],
    ['10.50', '10.5'],
    [' 3 ', '3'],
    ['abc', 'abc '],
    [true, 1],
    [true, '1'],
    [false, '0'],
    [null, ''],
    [undefined, null],
    [[{ payee: 'a', percentage: '50.0' }], [{ percentage: '50', payee: 'a' }]],
    [{ b: '1.0', a: '' }, { b: 1 }],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }],
  ])('%j and %j are the same value', (local, server) => {
    expect(same(local, server)).toBe(true);
  });

  it.each([
    ['10', '100'],
    ['20', '2'],
    ['1.05', '1.5'],
    ['2.50', '25'],
    ['x1.50', 'x1.5'],
    ['1.2.0', '1.2'],
    [true, 0],
    [false, ''],
    ['0', ''],
    [[1, 2], [2, 1]],
    [{ a: 1 }, { a: 2 }],
    [{ a: 1 }, { a: 1, b: 2 }],
  ])('%j and %j differ', (local, server) => {
    expect(same(local, server)).toBe(false);
  });

  it('a server field with no local column differs; a local-only column is not the server\'s business', () => {
    expect(differingFields({ a: 1, extra: 'x' }, { a: 1, b: 2 })).toEqual(['b']);
    expect(differingFields({ a: 1, b: 3 }, { b: 2, a: 1 })).toEqual(['b']);
  });
});

describe('localValues', () => {
  it('a column of the same name, an amount from its _micros column exactly, an external id through the row\'s id; unknown fields left out', () => {
    const { workspace } = tempWorkspace();
    const db = workspace.db;
    db.prepare("INSERT INTO orgs (id, name, parent_id, created_at) VALUES ('o', 'O', NULL, '2026-01-01')").run();
    const payee = Number(db.prepare("INSERT INTO payees (org_id, external_id, name, created_at, updated_at) VALUES ('o', 'pe-9', 'Ann', 'x', 'x')").run().lastInsertRowid);
    const row = { name: 'A', amount_micros: 1_500_000, fee_micros: -250, zero_micros: 0, whole_micros: 2_000_000, big_micros: 123_456_789_012, none_micros: null, payee_id: payee, product_id: null };
    expect(
      localValues(db, row, ['name', 'amount', 'fee', 'zero', 'whole', 'big', 'none', 'payee_external_id', 'product_external_id', 'unknown', 'name_external_id']),
    ).toEqual({ name: 'A', amount: '1.5', fee: '-0.00025', zero: '0', whole: '2', big: '123456.789012', none: null, payee_external_id: 'pe-9', product_external_id: null });
    workspace.close();
  });
});

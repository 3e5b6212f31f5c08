import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mappingFingerprint } from '../../../../src/main/imports/records/same-file-shortcut';

// The same-file shortcut is taken only when a re-import reads the file with the same
// mapping, recognised by this fingerprint, which workspaces store: it must not depend on
// the order of a mapping's keys, must change with any value, and must stay the same
// hash from one version of the app to the next (the JSON with keys sorted, hashed).

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('mappingFingerprint', () => {
  it('is the SHA-256 of the entity and mapping as JSON with every object key sorted, list order kept', () => {
    const mapping = { columns: { occurred_at: 'Date', amount: 'Gross' }, dateFormat: 'DD/MM/YYYY', values: { kind: [{ to: 'sale', from: 'S' }, { to: 'refund', from: 'R' }] } };
    const canonical =
      '{"entity":"revenues","mapping":{"columns":{"amount":"Gross","occurred_at":"Date"},"dateFormat":"DD/MM/YYYY","values":{"kind":[{"from":"S","to":"sale"},{"from":"R","to":"refund"}]}}}';
    expect(mappingFingerprint('revenues', mapping)).toBe(sha256(canonical));
  });

  it('is the same whatever order the keys come in, and differs with the entity, a value or the order of a list', () => {
    const a = { b: 1, a: { y: [1, 2], x: null } };
    const reordered = { a: { x: null, y: [1, 2] }, b: 1 };
    expect(mappingFingerprint('payees', reordered)).toBe(mappingFingerprint('payees', a));
    expect(mappingFingerprint('products', a)).not.toBe(mappingFingerprint('payees', a));
    expect(mappingFingerprint('payees', { ...a, b: 2 })).not.toBe(mappingFingerprint('payees', a));
    expect(mappingFingerprint('payees', { ...a, a: { y: [2, 1], x: null } })).not.toBe(mappingFingerprint('payees', a));
  });
});

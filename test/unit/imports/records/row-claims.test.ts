import { describe, expect, it } from 'vitest';
import { RowClaims } from '../../../../src/main/imports/records/row-claims';

describe('RowClaims', () => {
  it('gives each row number one outcome', () => {
    const claims = new RowClaims();
    claims.claim(0);
    claims.claim(5_000_000);
    expect(() => claims.claim(5_000_000)).toThrow(/already has an outcome/);
    expect(() => claims.claim(0)).toThrow(/already has an outcome/);
    expect(() => claims.claim(-1)).toThrow();
    expect(() => claims.claim(1.5)).toThrow();
  });
});

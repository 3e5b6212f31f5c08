import { describe, expect, it } from 'vitest';
import { compileMapping } from '../../../../src/main/imports/mapping/compile-mapping';
import { BUILT_IN_PROFILES, builtInProfile } from '../../../../src/main/imports/profiles/built-in-profiles';
import { headerContains, headerKey } from '../../../../src/main/imports/profiles/header-key';

describe('the built-in profiles', () => {
  it('fit their own layout and decide every format, so a file of the layout is never asked about', () => {
    expect(BUILT_IN_PROFILES.map((p) => p.name)).toEqual(['Stripe itemized balance report', 'PayPal activity download', 'Shopify orders export', 'Arrow consumption export', 'Usage report per billing cycle', 'Commitments list', 'Showback usage report']);
    for (const profile of BUILT_IN_PROFILES) {
      expect(() => compileMapping(profile.entity, profile.mapping, profile.header)).not.toThrow();
      expect(profile.mapping).toMatchObject({ encoding: 'utf-8', delimiter: ',', numberConvention: 'dot', amountUnit: 'major' });
      expect(profile.mapping.dateFormat).not.toBe('auto');
    }
  });

  it('are found by name regardless of case', () => {
    expect(builtInProfile(' paypal ACTIVITY download ')?.name).toBe('PayPal activity download');
    expect(builtInProfile('PayPal')).toBeUndefined();
  });
});

describe('header keys', () => {
  it('are the same for the same columns in any order, case or surrounding space', () => {
    expect(headerKey(['Gross', ' fee', 'NET '])).toBe(headerKey(['net', 'Fee', 'gross']));
    expect(headerKey(['Gross', 'Fee'])).not.toBe(headerKey(['Gross', 'Fee', 'Net']));
  });

  it('tell whether a file has every column of a profile', () => {
    expect(headerContains(['Date', 'Gross', 'Fee', 'Extra'], ['gross', 'fee'])).toBe(true);
    expect(headerContains(['Date', 'Gross'], ['gross', 'fee'])).toBe(false);
  });
});

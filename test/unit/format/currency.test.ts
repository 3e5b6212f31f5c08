import { describe, expect, it } from 'vitest';
import { isKnownCurrency, minorUnitsOf } from '../../../src/shared/currency';

describe('currency facts from ICU', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['BHD', 3],
    ['CLF', 4],
  ])('%s has %i digits in its minor unit', (code, digits) => {
    expect(minorUnitsOf(code)).toBe(digits);
    expect(minorUnitsOf(code)).toBe(digits); // the cached answer is the same
  });

  it.each(['USX', 'usd', 'EURO', 'US', '', '12A'])('has no minor unit for %j, which is not a known code', (code) => {
    expect(minorUnitsOf(code)).toBeNull();
  });

  it.each(['USD', 'CLF', 'BOV', 'XAU', 'JPY'])('knows %s', (code) => {
    expect(isKnownCurrency(code)).toBe(true);
  });

  it.each(['USX', 'usd', 'Usd', 'EURO', 'US', '', ' USD', 'USD ', 'U$D'])('does not know %j', (code) => {
    expect(isKnownCurrency(code)).toBe(false);
  });
});

// Currency facts come from the runtime's ICU data (CLDR), not from a table kept by hand.
// Node's full ICU names rare codes such as CLF, BOV and XAU; Chromium's trimmed data (and so
// Electron's renderer) has no names for them, so there isKnownCurrency('CLF') is false and
// such amounts are shown exactly, with their code. Common codes agree everywhere.
// Results are cached: the Intl constructors are slow compared with a Map lookup.

const CODE_PATTERN = /^[A-Z]{3}$/;

let currencyNames: Intl.DisplayNames | undefined;
const known = new Map<string, boolean>();
const minorUnits = new Map<string, number | null>();

/**
 * True for an ISO 4217 code the runtime has a name for ("USD", "CLF"); false for a
 * made-up code ("USX"), a lowercase one ("usd") or anything that is not three letters.
 */
export function isKnownCurrency(code: string): boolean {
  let result = known.get(code);
  if (result === undefined) {
    // With fallback 'none', DisplayNames answers undefined for a code CLDR does not list
    // (where NumberFormat would accept any three letters). It accepts lowercase, so the
    // pattern comes first: a stored code is always uppercase.
    currencyNames ??= new Intl.DisplayNames(['en'], { type: 'currency', fallback: 'none' });
    result = CODE_PATTERN.test(code) && currencyNames.of(code) !== undefined;
    known.set(code, result);
  }
  return result;
}

/**
 * Digits after the decimal point in the currency's minor unit (USD 2, JPY 0, BHD 3,
 * CLF 4); null for a code that is not a known currency.
 */
export function minorUnitsOf(code: string): number | null {
  let digits = minorUnits.get(code);
  if (digits === undefined) {
    digits = isKnownCurrency(code)
      ? new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? null
      : null;
    minorUnits.set(code, digits);
  }
  return digits;
}

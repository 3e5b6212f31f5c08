import { isKnownCurrency } from '../../shared/currency';

export interface CurrencyChoice {
  code: string;
  /** The currency's name in the user's language ("US Dollar"), or the code when unknown. */
  name: string;
}

let names: Intl.DisplayNames | undefined;
let choices: CurrencyChoice[] | undefined;

/** The currency's name in the user's language, or null for a code that is not ISO 4217. */
export function currencyName(code: string): string | null {
  if (!isKnownCurrency(code)) return null;
  names ??= new Intl.DisplayNames(undefined, { type: 'currency', fallback: 'none' });
  return names.of(code) ?? null;
}

/** Every ISO 4217 code the runtime knows (Intl), with its name, by code. */
export function currencyChoices(): CurrencyChoice[] {
  choices ??= Intl.supportedValuesOf('currency')
    .filter(isKnownCurrency)
    .map((code) => ({ code, name: currencyName(code) ?? code }));
  return choices;
}

// Intl says which region a locale is in but not that region's currency; this covers the
// regions most users are in, and anything else starts from USD (any code can be typed).
const EURO_REGIONS = 'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' ');
const REGION_CURRENCY: Record<string, string> = {
  ...Object.fromEntries(EURO_REGIONS.map((region) => [region, 'EUR'])),
  US: 'USD', GB: 'GBP', CA: 'CAD', AU: 'AUD', NZ: 'NZD', CH: 'CHF', LI: 'CHF', JP: 'JPY', CN: 'CNY', HK: 'HKD', TW: 'TWD',
  KR: 'KRW', IN: 'INR', SG: 'SGD', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN', CZ: 'CZK', HU: 'HUF', RO: 'RON', BG: 'BGN',
  IS: 'ISK', TR: 'TRY', IL: 'ILS', AE: 'AED', SA: 'SAR', ZA: 'ZAR', BR: 'BRL', MX: 'MXN', AR: 'ARS', CL: 'CLP', CO: 'COP',
  PE: 'PEN', ID: 'IDR', MY: 'MYR', TH: 'THB', PH: 'PHP', VN: 'VND', UA: 'UAH', EG: 'EGP', NG: 'NGN', KE: 'KES',
};

/** The currency of the user's region (from the browser's languages), or USD. */
export function localeCurrency(languages: readonly string[] = navigator.languages): string {
  for (const language of languages) {
    try {
      const region = new Intl.Locale(language).maximize().region;
      const code = region ? REGION_CURRENCY[region] : undefined;
      if (code && isKnownCurrency(code)) return code;
    } catch {
      // A malformed language tag: try the next one.
    }
  }
  return 'USD';
}

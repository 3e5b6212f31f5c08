import { listOfCodes } from './currency-filter';

interface CrossCurrencyNoticeProps {
  comparison: { sorted: boolean; filtered: boolean; currencies: readonly string[] } | null;
  /** Filters the grid to one currency. */
  onPick: (currency: string) => void;
}

/** Says that a sort or filter on amounts mixes currencies, and offers one currency at a click. */
export function CrossCurrencyNotice({ comparison, onPick }: CrossCurrencyNoticeProps) {
  if (!comparison) return null;
  const how = comparison.sorted && comparison.filtered ? 'Sorted and filtered' : comparison.sorted ? 'Sorted' : 'Filtered';
  return (
    <div className="notice notice-warning" role="status" data-testid="cross-currency-notice">
      <div className="notice-body">
        <p className="notice-message">
          {how} by amount across {listOfCodes(comparison.currencies)}: amounts in different currencies are not comparable; pick a currency.
        </p>
      </div>
      <div className="notice-actions">
        {comparison.currencies.map((currency) => (
          <button key={currency} type="button" className="button button-small" onClick={() => onPick(currency)} data-testid="pick-currency" data-currency={currency}>
            {currency} only
          </button>
        ))}
      </div>
    </div>
  );
}

import type { ApiQuery } from '../../api/use-api-query';
import type { ResultOf } from '../../../shared/contract';
import { isNegativeAmount } from '../../format/money-format';
import { MoneyAmount } from '../../format/MoneyAmount';

const count = new Intl.NumberFormat();

/**
 * Row count and totals per currency of the current view (period and filters), summed exactly
 * and shown like every amount: in the currency's minor unit, rounding marked. Figures are
 * shown only for the view they belong to: while a new view is counted they give way to a
 * loading state, and a failure replaces them (the notice below the toolbar says why).
 */
interface RevenueSummaryProps {
  summary: ApiQuery<ResultOf<'revenues.summary'>>;
  /** The currency the grid is filtered to, if one. */
  currency: string | null;
  /** One click on a currency's total filters the grid to it; another click (null) clears that. */
  onPickCurrency: (currency: string | null) => void;
}

export function RevenueSummary({ summary, currency, onPickCurrency }: RevenueSummaryProps) {
  const { data, current, error } = summary;
  const state = current && data ? 'ready' : error ? 'failed' : 'loading';
  return (
    <div className="summary" aria-busy={state === 'loading'} aria-live="polite" data-testid="summary" data-state={state}>
      {state === 'ready' && data ? (
        <>
          <p className="row-count" data-testid="row-count" data-row-count={data.rowCount}>
            {`${count.format(data.rowCount)} ${data.rowCount === 1 ? 'row' : 'rows'}`}
          </p>
          {data.totals.length > 0 && (
            <ul className="totals" data-testid="totals" aria-label="Totals per currency">
              {data.totals.map((total) => (
                <li key={total.currency} className="total" data-currency={total.currency} data-amount={total.amount}>
                  <button
                    type="button"
                    className="total-button"
                    aria-pressed={currency === total.currency}
                    title={currency === total.currency ? `Show every currency again` : `Show only ${total.currency} rows`}
                    onClick={() => onPickCurrency(currency === total.currency ? null : total.currency)}
                  >
                    <span className="total-currency">{total.currency}</span>
                    <MoneyAmount amount={total.amount} currency={total.currency} className={isNegativeAmount(total.amount) ? 'total-amount amount-negative' : 'total-amount'} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : state === 'failed' ? (
        <p className="row-count row-count-failed" data-testid="row-count" data-row-count="" data-failed>
          Count and totals unavailable
        </p>
      ) : (
        <p className="row-count" data-testid="row-count" data-row-count="" data-loading>
          <span className="spinner" aria-hidden="true" /> Counting…
        </p>
      )}
    </div>
  );
}

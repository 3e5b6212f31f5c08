import type { ApiQuery } from '../../api/use-api-query';
import type { ResultOf } from '../../../shared/contract';
import { isNegativeAmount } from '../../format/money-format';
import { MoneyAmount } from '../../format/MoneyAmount';

const count = new Intl.NumberFormat();

/**
 * Row count and totals per currency of the current view (period and filters), summed exactly
 * and shown like every amount: in the currency's minor unit, rounding marked.
 */
export function RevenueSummary({ summary }: { summary: ApiQuery<ResultOf<'revenues.summary'>> }) {
  const { data, loading } = summary;
  return (
    <div className="summary" aria-busy={loading} aria-live="polite">
      <p className="row-count" data-testid="row-count" data-row-count={data?.rowCount ?? ''} data-loading={loading || undefined}>
        {data ? `${count.format(data.rowCount)} ${data.rowCount === 1 ? 'row' : 'rows'}` : loading ? 'Counting…' : '—'}
      </p>
      {data && data.totals.length > 0 && (
        <ul className="totals" data-testid="totals" aria-label="Totals per currency">
          {data.totals.map((total) => (
            <li key={total.currency} className="total" data-currency={total.currency} data-amount={total.amount}>
              <span className="total-currency">{total.currency}</span>
              <MoneyAmount amount={total.amount} currency={total.currency} className={isNegativeAmount(total.amount) ? 'total-amount amount-negative' : 'total-amount'} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

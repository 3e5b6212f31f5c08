import type { ApiQuery } from '../../api/use-api-query';
import type { ResultOf } from '../../../shared/contract';
import { formatMoney, isNegativeAmount } from '../../format/money-format';

const count = new Intl.NumberFormat();

/** Row count and exact totals per currency of the current view (period and filters). */
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
              <span className={isNegativeAmount(total.amount) ? 'total-amount amount-negative' : 'total-amount'}>{formatMoney(total.amount, total.currency)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

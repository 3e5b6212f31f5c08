import type { CustomCellRendererProps } from 'ag-grid-react';
import type { CurrencyAmount } from '../../../shared/contract/imports';
import { useMoneyDisplay } from '../../format/use-money-display';
import { describeCurrencyTotal, TOTALS_SEPARATOR } from './currency-totals-text';

interface CurrencyTotalsProps {
  totals: readonly CurrencyAmount[];
  className?: string;
}

/**
 * Control totals, one per currency, never added together: "EUR 9.99 · JPY 1,500 · USD 1,210.00".
 * Each carries its exact amount in data-exact and data-currency (tests and copy read them).
 */
export function CurrencyTotals({ totals, className }: CurrencyTotalsProps) {
  const { exact } = useMoneyDisplay();
  return (
    <span className={['currency-totals', className].filter(Boolean).join(' ')} data-testid="currency-totals">
      {totals.map((total, i) => {
        const shown = describeCurrencyTotal(total, exact);
        return (
          <span key={total.currency}>
            {i > 0 && <span aria-hidden="true">{TOTALS_SEPARATOR}</span>}
            <strong className="amount currency-total" data-currency={total.currency} data-exact={total.amount} title={shown.note ?? undefined}>
              {shown.text}
            </strong>
          </span>
        );
      })}
    </span>
  );
}

/** The batches grid's Amount written cell: the per-currency totals, or a dash when the batch holds no amounts. */
export function AmountWrittenCell({ value }: CustomCellRendererProps<unknown, CurrencyAmount[]>) {
  return value && value.length > 0 ? <CurrencyTotals totals={value} /> : <span className="muted">—</span>;
}

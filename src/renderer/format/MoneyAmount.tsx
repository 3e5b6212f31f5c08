import { describeMoney, ROUNDED_MARK } from './money-format';
import { useMoneyDisplay } from './use-money-display';

interface MoneyAmountProps {
  amount: string;
  currency: string;
  className?: string;
}

/**
 * One amount as the money display setting asks: in the currency's minor unit, or exact.
 * A rounded amount ends with ROUNDED_MARK and gives its exact value in the tooltip; the
 * element always carries the exact string in data-exact (and data-rounded when rounded).
 * The mark has a slot of its own, so grid columns keep their digits aligned.
 */
export function MoneyAmount({ amount, currency, className }: MoneyAmountProps) {
  const { exact } = useMoneyDisplay();
  const shown = describeMoney(amount, currency, { exact });
  const classes = ['money', shown.rounded && 'money-rounded', !shown.knownCurrency && 'money-unknown-currency', className].filter(Boolean).join(' ');
  return (
    <span className={classes} data-exact={shown.exact} data-rounded={shown.rounded || undefined} title={shown.note ?? undefined}>
      {shown.text}
      {shown.rounded ? (
        <span className="money-mark" role="img" aria-label="rounded">
          {ROUNDED_MARK}
        </span>
      ) : (
        <span className="money-mark" aria-hidden="true" />
      )}
    </span>
  );
}

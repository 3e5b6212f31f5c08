import type { PayoutRun } from '../../../shared/contract/payouts';
import { MoneyAmount } from '../../format/MoneyAmount';
import { currencyTotals, PAYEE_AMOUNTS, type PayeeAmount } from './payout-totals';

const LABELS: Record<PayeeAmount, string> = {
  opening: 'Opening',
  earned: 'Earned',
  reversed: 'Reversed',
  adjusted: 'Adjusted',
  held: 'Held',
  belowThreshold: 'Below threshold',
  payable: 'Payable',
  closing: 'Closing',
};

/** One row per currency: the month's revenue, what was allocated and not, and the payee columns summed. */
export function PayoutTotals({ run }: { run: Pick<PayoutRun, 'currencies' | 'payees'> }) {
  const rows = currencyTotals(run);
  return (
    <div className="payouts-totals-frame">
      <table className="payouts-totals" data-testid="payouts-totals">
        <thead>
          <tr>
            <th scope="col">Currency</th>
            <th scope="col">Revenue</th>
            <th scope="col">Allocated</th>
            <th scope="col">Unallocated</th>
            <th scope="col">Ties out</th>
            {PAYEE_AMOUNTS.map((k) => (
              <th scope="col" key={k}>
                {LABELS[k]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.currency} data-currency={row.currency} data-ties-out={row.tiesOut}>
              <th scope="row">Total {row.currency}</th>
              <td data-column="revenue">
                <MoneyAmount amount={row.revenue} currency={row.currency} />
              </td>
              <td data-column="allocated">
                <MoneyAmount amount={row.allocated} currency={row.currency} />
              </td>
              <td data-column="unallocated">
                <MoneyAmount amount={row.unallocated} currency={row.currency} />
              </td>
              <td className={row.tiesOut ? 'ties-out' : 'ties-out-not'} title="Allocated + unallocated = revenue, and the payees' earned + reversed + adjusted = allocated, exactly">
                {row.tiesOut ? '✓ Ties out' : '✗ Does not tie out'}
              </td>
              {PAYEE_AMOUNTS.map((k) => (
                <td key={k} data-column={k}>
                  <MoneyAmount amount={row.sums[k]} currency={row.currency} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

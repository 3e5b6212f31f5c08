import type { ConsumptionSummary, TieOut } from '../../../shared/contract/consumption';
import { MoneyAmount } from '../../format/MoneyAmount';

function Row({ label, t }: { label: string; t: TieOut }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{t.currency}</td>
      <td className="cell-amount">{t.finalized.toLocaleString()} / {t.records.toLocaleString()}</td>
      <td className="cell-amount"><MoneyAmount amount={t.consumed} currency={t.currency} /></td>
      <td className="cell-amount"><MoneyAmount amount={t.adjustment} currency={t.currency} /></td>
      <td className="cell-amount"><MoneyAmount amount={t.final} currency={t.currency} /></td>
      <td className="cell-amount"><MoneyAmount amount={t.consumed_not_final} currency={t.currency} /></td>
    </tr>
  );
}

/** Totals per customer and per month, per currency: consumed + adjustment = final, exactly. */
export function ReconciliationTotals({ summary }: { summary: ConsumptionSummary }) {
  return (
    <details className="recon-totals" data-testid="recon-totals" open>
      <summary>Totals (consumed + adjustment = final, finalized records)</summary>
      <table>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Currency</th>
            <th scope="col">Final / records</th>
            <th scope="col">Consumed</th>
            <th scope="col">Adjustment</th>
            <th scope="col">Final</th>
            <th scope="col">Estimated, no final yet</th>
          </tr>
        </thead>
        <tbody>
          {summary.totals.map((t) => (
            <Row key={`total|${t.currency}`} label="All" t={t} />
          ))}
          {summary.by_month.length > 1 &&
            summary.by_month.map((t) => <Row key={`month|${t.billing_period}|${t.currency}`} label={t.billing_period.slice(0, 7)} t={t} />)}
          {summary.by_customer.map((t) => (
            <Row key={`customer|${t.customer_uuid}|${t.currency}`} label={t.customer_name ?? 'No customer'} t={t} />
          ))}
        </tbody>
      </table>
    </details>
  );
}

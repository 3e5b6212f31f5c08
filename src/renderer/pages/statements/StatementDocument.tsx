import type { StatementDetail } from '../../../shared/contract/statements';
import { formatMoney } from '../../format/money-format';

const COUNT = new Intl.NumberFormat('en');

/** "2020-02-10" -> "10 February 2020" (a plain day: no time zone may shift it). */
export function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

interface Line {
  description: string;
  quantity: string;
  price: string;
  cost: string;
}

function linesOf(s: StatementDetail): Line[] {
  const a = s.amounts;
  const price = (amount: string, unit: string) => `${formatMoney(amount, a.currency, { exact: true }).replace(/\.0+$/, '')}${unit}`;
  // Seed 004's statement has no widget uses, backups nor their prices: a synced one shows a dash, not a made-up 0.
  const unknown = s.origin === 'synced';
  const count = (n: number) => (unknown ? '—' : COUNT.format(n));
  const perUse = (amount: string, unit: string) => (unknown ? '—' : price(amount, unit));
  return [
    { description: 'Subscription (seats)', quantity: COUNT.format(s.seats), price: s.subscription_price, cost: s.subscription_cost },
    { description: 'Pay-per-use records', quantity: COUNT.format(s.record_count), price: s.ppu_price, cost: s.ppu_cost },
    { description: 'Section widget uses', quantity: count(a.section_widget_uses), price: perUse(a.section_widget_price, '/use'), cost: s.section_widget_usage_cost },
    { description: 'Column widget uses', quantity: count(a.column_widget_uses), price: perUse(a.column_widget_price, '/use'), cost: s.column_widget_usage_cost },
    { description: 'Record storage (versions)', quantity: COUNT.format(s.version_count), price: s.record_storage_price, cost: s.record_storage_cost },
    { description: 'File storage', quantity: s.file_size, price: s.file_storage_price, cost: s.file_storage_cost },
    { description: 'Backups', quantity: count(a.backups), price: perUse(a.backup_price, '/backup'), cost: s.backup_cost },
  ];
}

/** A statement laid out as the document the customer receives; the print stylesheet puts it on A4 or Letter. */
export function StatementDocument({ statement, orgName }: { statement: StatementDetail; orgName: string }) {
  const a = statement.amounts;
  const money = (amount: string) => formatMoney(amount, a.currency);
  const prorated = a.plan_segments.length > 1;
  return (
    <article className="statement-document" data-testid="statement-document" aria-label={statement.name}>
      <header className="statement-head">
        <div>
          <h2 className="statement-title">Statement</h2>
          <p className="statement-org">{orgName}</p>
        </div>
        <dl className="statement-facts">
          <dt>Billing cycle</dt>
          <dd data-testid="statement-cycle">
            {longDate(statement.date_start)} – {longDate(statement.date_end)}
          </dd>
          <dt>Statement</dt>
          <dd className="statement-sid">{statement.sid}</dd>
          <dt>Plan</dt>
          <dd>{statement.is_subscription ? 'Subscription' : 'Pay-per-use'}</dd>
          <dt>Currency</dt>
          <dd>{a.currency}</dd>
        </dl>
      </header>
      {statement.is_current && <p className="statement-note statement-current">Current cycle: this statement changes as usage is recorded until the cycle ends.</p>}
      <table className="statement-lines">
        <thead>
          <tr>
            <th scope="col">Description</th>
            <th scope="col">Quantity</th>
            <th scope="col">Price</th>
            <th scope="col">Cost</th>
          </tr>
        </thead>
        <tbody>
          {linesOf(statement).map((line) => (
            <tr key={line.description}>
              <th scope="row">{line.description}</th>
              <td>{line.quantity}</td>
              <td>{line.price}</td>
              <td>{line.cost}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="statement-total">
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td data-testid="statement-total">{statement.total}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3}>
              Credits applied
            </th>
            <td data-testid="statement-credits">{/^0(\.0+)?$/.test(a.credits_applied) ? money('0') : `−${money(a.credits_applied)}`}</td>
          </tr>
          <tr className="statement-due">
            <th scope="row" colSpan={3}>
              Amount due
            </th>
            <td data-testid="statement-due">{money(a.amount_due)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="statement-note">Credits still available after this statement: {statement.available_credits}.</p>
      {prorated && (
        <p className="statement-note" data-testid="statement-prorated">
          The price plan changed during this cycle, so each cost is prorated by days (
          {a.plan_segments.map((s) => `${longDate(s.date_start)} – ${longDate(s.date_end)}: ${s.days} days`).join('; ')}); prices shown are those in effect on the last day.
        </p>
      )}
      {statement.origin === 'synced' ? (
        <footer className="statement-foot" data-testid="statement-synced">
          {statement.name}. Synced from the organization&apos;s online system as it computed it (seed 004). Its statement carries no widget uses, backups nor their prices (shown as —) and no credits applied: the amount due is its total.
          {statement.deleted_on_server_at && (
            <span data-testid="statement-deleted-on-server"> The online system no longer lists it (found gone by the sync of {new Date(statement.deleted_on_server_at).toLocaleString()}); it is kept here as it was synced.</span>
          )}
        </footer>
      ) : (
        <footer className="statement-foot">
          {statement.name}. Generated automatically from the price plan and the recorded usage; each cost is rounded half up to the currency&apos;s smallest unit, and the total is the sum of the rounded lines.
        </footer>
      )}
    </article>
  );
}

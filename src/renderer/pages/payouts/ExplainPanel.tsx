import { useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { PayoutExplainRow, PayoutPayeeLine } from '../../../shared/contract/payouts';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MoneyAmount } from '../../format/MoneyAmount';
import { periodLabel } from '../../format/period-label';
import { useGridTheme } from '../../grid/grid-theme';
import { databaseDatasource } from '../../grid/infinite-datasource';
import { SERVER_GRID_PROPS } from '../../grid/server-grid-props';
import { EXPLAIN_COLUMN_DEFS } from './payout-columns';

const DEFAULT_COL_DEF = { sortable: false, resizable: true, cellDataType: false, suppressHeaderMenuButton: true, tooltip: true } as const;

/** payouts.explain for one payee line (payee and currency): the revenue rows that made it, paged from the database. */
export function ExplainPanel({ orgId, period, line, onClose }: { orgId: string; period: string; line: PayoutPayeeLine; onClose: () => void }) {
  const theme = useGridTheme();
  const [error, setError] = useState<ApiCallError | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [totals, setTotals] = useState<Array<{ currency: string; share: string }>>([]);
  const datasource = useMemo(
    () =>
      databaseDatasource<PayoutExplainRow>(
        async ({ startRow, endRow }) => {
          const page = await api.call('payouts.explain', { orgId, period, payeeId: line.payeeId, currency: line.currency, startRow, endRow });
          if (startRow === 0) {
            setCount(page.rowCount);
            setTotals(page.totals);
          }
          return page;
        },
        (thrown) => setError(asApiCallError('payouts.explain', thrown)),
      ),
    [orgId, period, line.payeeId, line.currency],
  );
  return (
    <section className="payouts-explain" data-testid="payouts-explain" data-payee-id={line.payeeId} data-currency={line.currency} aria-label={`Revenue rows of ${line.payeeName} in ${line.currency}`}>
      <header className="payouts-explain-header">
        <h2>
          {line.payeeName || `Payee ${line.payeeId}`}: {line.currency} revenue rows of {periodLabel(period)}
        </h2>
        <span className="payouts-explain-count" data-testid="payouts-explain-count">
          {count === null ? 'Reading…' : `${count.toLocaleString()} ${count === 1 ? 'row' : 'rows'}`}
          {totals.map((t) => (
            <span key={t.currency} className="payouts-explain-total">
              {' '}
              · shares <MoneyAmount amount={t.share} currency={t.currency} />
            </span>
          ))}
        </span>
        <button type="button" className="button button-small" data-testid="payouts-explain-close" onClick={onClose}>
          Close
        </button>
      </header>
      {error && <ErrorNotice error={error} title="Could not read the revenue rows" onDismiss={() => setError(null)} />}
      <div className="grid-frame">
        <div className="grid-host" data-testid="payouts-explain-grid">
          <AgGridReact<PayoutExplainRow>
            {...SERVER_GRID_PROPS}
            key={`${line.payeeId}|${line.currency}`}
            theme={theme}
            columnDefs={EXPLAIN_COLUMN_DEFS}
            defaultColDef={DEFAULT_COL_DEF}
            datasource={datasource}
            getRowId={({ data }) => String(data.revenueId)}
          />
        </div>
      </div>
    </section>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { AgCharts } from 'ag-charts-react';
import { BarSeriesModule, CartesianChartModule, CategoryAxisModule, NumberAxisModule, type AgCartesianChartOptions, type AgChartModule } from 'ag-charts-community';
import type { ReportCellValue, ReportColumnInfo, ReportJson, ReportParamValues, ReportPeriod } from '../../../shared/contract/reports';
import { api } from '../../api/client';
import { usePrefersDark } from '../../grid/use-prefers-dark';
import { periodLabel } from '../../format/period-label';
import { breakdown, currenciesOf, moneyColumns, monthTotal } from './report-chart-data';

type Row = Record<string, ReportCellValue>;

// Only what two bar charts need, so the bundle carries no more of AG Charts than that.
const CHART_MODULES: AgChartModule[] = [CartesianChartModule, BarSeriesModule, CategoryAxisModule, NumberAxisModule];
const TREND_MONTHS = 12;

interface Props {
  orgId: string;
  reportType: string;
  columns: ReportColumnInfo[];
  rows: Row[];
  params: ReportParamValues;
  /** The report's periods, newest first; the trend reads the latest 12 up to the chosen month. */
  periods: ReportPeriod[];
  chosen: ReportPeriod;
}

/** The month's breakdown of a money column, and the column's monthly totals for the last 12 periods, in one currency. */
export function ReportCharts({ orgId, reportType, columns, rows, params, periods, chosen }: Props) {
  const money = useMemo(() => moneyColumns(columns), [columns]);
  const [columnName, setColumnName] = useState<string | null>(null);
  const column = money.find((c) => c.name === columnName) ?? preferredColumn(money);
  const currencies = useMemo(() => (column ? currenciesOf(rows, column) : []), [rows, column]);
  const [currencyChoice, setCurrency] = useState<string | null>(null);
  const currency = currencyChoice && currencies.includes(currencyChoice) ? currencyChoice : (currencies[0] ?? null);
  const trend = useTrend(orgId, reportType, params, periods, chosen);
  const dark = usePrefersDark();
  if (!column) return null;
  const parts = currency ? breakdown(rows, columns, column, currency) : [];
  const totals = (trend ?? []).map((t) => ({ ...monthTotal(t.rows, column, currency ?? ''), label: periodLabel(t.period) }));
  const theme = dark ? 'ag-default-dark' : 'ag-default';
  const title = column.name.replace(/_/g, ' ');
  const breakdownOptions: AgCartesianChartOptions = {
    theme,
    background: { visible: false },
    padding: { left: 28 },
    title: { text: `${title}, ${periodLabel(`${chosen.year}-${String(chosen.month).padStart(2, '0')}`)} (${currency ?? '—'})`, fontSize: 13 },
    data: parts,
    series: [{ type: 'bar', direction: 'horizontal', xKey: 'label', yKey: 'value', yName: title, tooltip: { renderer: ({ datum }) => ({ title: String(datum.label), data: [{ label: title, value: `${String(datum.exact)} ${currency ?? ''}` }] }) } }],
    axes: { x: { type: 'category', position: 'left', label: { formatter: ({ value }) => shorten(String(value)) } }, y: { type: 'number', position: 'bottom' } },
  };
  const trendOptions: AgCartesianChartOptions = {
    theme,
    background: { visible: false },
    title: { text: `${title}, last ${TREND_MONTHS} periods (${currency ?? '—'})`, fontSize: 13 },
    data: totals,
    series: [{ type: 'bar', xKey: 'label', yKey: 'value', yName: title, tooltip: { renderer: ({ datum }) => ({ title: String(datum.label), data: [{ label: title, value: `${String(datum.exact)} ${currency ?? ''}` }] }) } }],
    axes: { x: { type: 'category', position: 'bottom' }, y: { type: 'number', position: 'left' } },
  };
  return (
    <section className="report-charts" aria-label="Charts" data-testid="report-charts">
      <div className="toolbar report-chart-controls">
        <label className="field field-inline">
          <span className="field-label">Chart</span>
          <select className="select" value={column.name} onChange={(e) => setColumnName(e.target.value)} data-testid="report-chart-column">
            {money.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </label>
        {currencies.length > 1 && (
          <label className="field field-inline">
            <span className="field-label">Currency</span>
            <select className="select" value={currency ?? ''} onChange={(e) => setCurrency(e.target.value)} data-testid="report-chart-currency">
              {currencies.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        )}
        <span className="report-chart-note">Amounts are never added across currencies; hover a bar for its exact figure.</span>
      </div>
      <div className="report-chart-pair">
        <div className="report-chart" data-testid="report-chart-breakdown">
          {parts.length > 0 ? <AgCharts options={breakdownOptions} modules={CHART_MODULES} /> : <p className="page-message">Nothing to chart this month.</p>}
        </div>
        <div className="report-chart" data-testid="report-chart-trend">
          {trend ? <AgCharts options={trendOptions} modules={CHART_MODULES} /> : <p className="page-message">Reading the last {TREND_MONTHS} periods…</p>}
        </div>
      </div>
    </section>
  );
}

// Long names would push the bars aside: the axis shows the start, the tooltip the whole name.
function shorten(label: string): string {
  return label.length > 24 ? label.slice(0, 23) + '…' : label;
}

// The figure a reader looks at first, when the report has it; else its first money column.
const FIRST_CHOICE = ['amount', 'payable', 'net', 'amount_due', 'total_cost', 'total'];
function preferredColumn(money: ReportColumnInfo[]): ReportColumnInfo | undefined {
  for (const name of FIRST_CHOICE) {
    const found = money.find((c) => c.name === name);
    if (found) return found;
  }
  return money[0];
}

/** The rows of the chosen period and up to 11 before it, oldest first (one reports.get each). */
function useTrend(orgId: string, reportType: string, params: ReportParamValues, periods: ReportPeriod[], chosen: ReportPeriod) {
  const [trend, setTrend] = useState<Array<{ period: string; rows: Row[] }> | null>(null);
  const key = JSON.stringify({ orgId, reportType, params, periods, chosen });
  useEffect(() => {
    let live = true;
    setTrend(null);
    const from = periods.findIndex((p) => p.year === chosen.year && p.month === chosen.month);
    const wanted = periods.slice(Math.max(from, 0), Math.max(from, 0) + TREND_MONTHS).reverse();
    Promise.all(
      wanted.map(async (p) => {
        const report = (await api.call('reports.get', { orgId, report_type: reportType, year: p.year, month: p.month, params })) as ReportJson;
        return { period: `${p.year}-${String(p.month).padStart(2, '0')}`, rows: report.rows };
      }),
    ).then(
      (months) => live && setTrend(months),
      () => live && setTrend([]),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return trend;
}

import { startFakeSource, type FakeSourceServer } from './fake-source-server';

// Seed 000 (allocation reports, beta): GET /beta/v1/org/{org_id}/allocation-reports (the
// catalog), …/{report_type}/periods (newest first, finalized or in_progress) and
// …/{report_type}?year=&month= (one month's rows; 404 code period_not_available outside the
// periods, the seed's error shape). Bodies as Closebook's reports.* answer them.

export type FakeRow = Record<string, string | number | boolean | null>;

export interface FakeReport {
  report_type: string;
  title: string;
  update_cadence: 'daily' | 'monthly';
  columns: Array<{ name: string; type: string; description?: string; currency_column?: string }>;
  /** 'YYYY-MM' -> the month's status and rows. */
  months: Map<string, { status: 'finalized' | 'in_progress'; rows: FakeRow[] }>;
}

export interface FakeAllocationReports extends FakeSourceServer {
  /** The base URL a connection saves: the org's API root. */
  orgRoot: string;
  reports: Map<string, FakeReport>;
  /** Change one month's rows (the server amended it: an invoice reissued, a late charge). */
  changeMonth(reportType: string, month: string, rows: FakeRow[]): void;
  /** A month the server no longer lists in the report's periods; returns it for restoreMonth. */
  removeMonth(reportType: string, month: string): { status: 'finalized' | 'in_progress'; rows: FakeRow[] };
  restoreMonth(reportType: string, month: string, data: { status: 'finalized' | 'in_progress'; rows: FakeRow[] }): void;
}

export const FAKE_ORG_UUID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const ROOT = `/beta/v1/org/${FAKE_ORG_UUID}/allocation-reports`;

function seedError(status: number, message: string, code: string | null) {
  return { status, body: { message, detail: null, code, url: null, timestamp: '2026-10-20T08:00:00Z', type: status === 404 ? 'NotFound' : 'BadRequest' } };
}

/** A showback-by-account style report: `months` months back from 2026-10 (the current one in progress), `accounts` rows each. */
export function fakeShowbackReport(months: number, accounts: number): FakeReport {
  const report: FakeReport = {
    report_type: 'showback_by_account',
    title: 'Showback by account',
    update_cadence: 'monthly',
    columns: [
      { name: 'account', type: 'string' },
      { name: 'currency', type: 'string' },
      { name: 'on_demand_cost', type: 'money', currency_column: 'currency' },
      { name: 'premium', type: 'money', currency_column: 'currency' },
      { name: 'savings', type: 'money', currency_column: 'currency' },
    ],
    months: new Map(),
  };
  for (let i = 0; i < months; i++) {
    const total = 2026 * 12 + 9 - i;
    const ym = `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
    const rows: FakeRow[] = [];
    for (let a = 0; a < accounts; a++) {
      rows.push({ account: `acct-${String(a).padStart(4, '0')}`, currency: 'USD', on_demand_cost: `${100 + a + i}.25`, premium: `${10 + (a % 5)}.125`, savings: `${(a % 9) + 1}.5` });
    }
    report.months.set(ym, { status: i === 0 ? 'in_progress' : 'finalized', rows });
  }
  return report;
}

export async function startFakeAllocationReports(reports: FakeReport[]): Promise<FakeAllocationReports> {
  const byType = new Map(reports.map((r) => [r.report_type, r]));
  const server = await startFakeSource((url, auth) => {
    if (!url.pathname.startsWith(ROOT)) return null;
    if (auth === 'forbidden') return seedError(403, 'The API key does not grant access to allocation reports.', 'forbidden');
    const rest = url.pathname.slice(ROOT.length);
    if (rest === '' || rest === '/') {
      return {
        status: 200,
        body: { reports: [...byType.values()].map((r) => ({ report_type: r.report_type, title: r.title, description: r.title, update_cadence: r.update_cadence, parameters: [], columns: r.columns })) },
      };
    }
    const match = /^\/([^/]+)(\/periods)?\/?$/.exec(rest);
    const report = match ? byType.get(decodeURIComponent(match[1]!)) : undefined;
    if (!match || !report) return seedError(404, 'Unknown report type.', null);
    const periods = [...report.months.entries()]
      .map(([ym, m]) => ({ year: Number(ym.slice(0, 4)), month: Number(ym.slice(5)), status: m.status }))
      .sort((a, b) => b.year - a.year || b.month - a.month);
    if (match[2]) return { status: 200, body: { report_type: report.report_type, periods } };
    const year = Number(url.searchParams.get('year'));
    const month = Number(url.searchParams.get('month'));
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const data = report.months.get(key);
    if (!data) return seedError(404, `${key} is not an available period of ${report.report_type}.`, 'period_not_available');
    return {
      status: 200,
      body: { report_type: report.report_type, title: report.title, year, month, status: data.status, parameters: {}, row_count: data.rows.length, format: 'json', columns: report.columns, rows: data.rows },
    };
  });
  const monthsOf = (reportType: string) => {
    const report = byType.get(reportType);
    if (!report) throw new Error(`no report ${reportType}`);
    return report.months;
  };
  return {
    ...server,
    orgRoot: `${server.baseUrl}/beta/v1/org/${FAKE_ORG_UUID}`,
    reports: byType,
    changeMonth(reportType, month, rows) {
      const data = monthsOf(reportType).get(month);
      if (!data) throw new Error(`no month ${month} of ${reportType}`);
      data.rows = rows;
    },
    removeMonth(reportType, month) {
      const data = monthsOf(reportType).get(month);
      if (!data) throw new Error(`no month ${month} of ${reportType}`);
      monthsOf(reportType).delete(month);
      return data;
    },
    restoreMonth(reportType, month, data) {
      monthsOf(reportType).set(month, data);
    },
  };
}

import { startFakeSource, type FakeSourceServer } from './fake-source-server';

// Seed 004 (statements): GET /organizations/statement/list/{level}/{sid}/{serializer}/ with
// page_size / page_number, answering {page_size, page_number, page_count, count, next,
// previous, add_permission, results} in the seed's display strings ("$120.00",
// "$12/seat/month", "450 MB"), newest cycle first; a page past the last is DRF's 404. The
// key travels as "Token <key>". One statement per calendar month, the newest current.

export type FakeStatement = Record<string, unknown> & { sid: string; date_start: string; date_end: string; is_current: boolean };

export interface FakeStatements extends FakeSourceServer {
  /** The base URL a connection saves: the org's list URL up to its sid. */
  listUrl: string;
  /** Newest first, as served. */
  statements: FakeStatement[];
  /** Change a statement's served fields (by sid). */
  change(sid: string, fields: Record<string, unknown>): void;
  /** A new current statement for the next month; the one before it becomes fixed. */
  nextCycle(): FakeStatement;
  /** Delete a statement on the server (by sid): no longer listed; returns it for restore. */
  remove(sid: string): FakeStatement;
  /** Put a removed statement back in its place (newest first). */
  restore(statement: FakeStatement): void;
}

export const ORG_SID = 'org_7f3a';
export const LIST_PATH = `/api/organizations/statement/list/organization/${ORG_SID}`;

/** Cents as the seed's cost: "$1,234.50". */
export function dollars(cents: number): string {
  const whole = Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `$${whole}.${String(cents % 100).padStart(2, '0')}`;
}

function monthStart(index: number): { start: string; end: string } {
  // index 0: 2026-10; index i: i months before.
  const total = 2026 * 12 + 9 - index;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const ym = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  return { start: `${ym}-01`, end: `${ym}-${last}` };
}

/** Statement `index` months before the current one, its costs from its counts. */
export function fakeStatement(index: number, isCurrent: boolean): FakeStatement {
  const { start, end } = monthStart(index);
  const seats = 5 + (index % 7);
  const records = 1000 + index * 10;
  const versions = 20_000 + index;
  const subscription = seats * 1200;
  const ppu = Math.round(records * 0.25);
  const storage = Math.round(versions / 100);
  const files = 450;
  const backup = 1500;
  const widgets = 0;
  const total = subscription + ppu + storage + files + backup + widgets;
  return {
    sid: `st_fake_${String(index).padStart(6, '0')}`,
    name: `Statement ${start} - ${end}`,
    date_start: start,
    date_end: end,
    subscription_price: '$12/seat/month',
    seats,
    subscription_cost: dollars(subscription),
    ppu_price: '$0.0025/record',
    record_count: records,
    ppu_cost: dollars(ppu),
    section_widget_usage_cost: dollars(widgets),
    column_widget_usage_cost: '$0.00',
    version_count: versions,
    record_storage_price: '$0.0001/version',
    record_storage_cost: dollars(storage),
    file_storage_price: '$10/100G/Month',
    file_size: '45,000 MB',
    file_storage_cost: dollars(files),
    backup_cost: dollars(backup),
    total: dollars(total),
    available_credits: '$0.00',
    is_current: isCurrent,
    is_subscription: true,
  };
}

export async function startFakeStatements(count: number): Promise<FakeStatements> {
  const statements: FakeStatement[] = [];
  for (let i = 0; i < count; i++) statements.push(fakeStatement(i, i === 0));
  const server = await startFakeSource(
    (url, auth) => {
      const match = /^\/api\/organizations\/statement\/list\/organization\/([^/]+)\/(name|list|detail)\/$/.exec(url.pathname);
      if (!match || match[1] !== ORG_SID) return null;
      if (auth === 'forbidden') return { status: 403, body: { detail: 'You do not have permission to perform this action.' } };
      const size = Math.min(Number(url.searchParams.get('page_size') ?? 10), 100);
      const number = Number(url.searchParams.get('page_number') ?? 1);
      const pageCount = Math.max(1, Math.ceil(statements.length / size));
      if (number > pageCount) return { status: 404, body: { detail: 'Invalid page.' } };
      const results = statements.slice((number - 1) * size, number * size).map((s) => (match[2] === 'name' ? { sid: s.sid, name: s.name } : s));
      return {
        status: 200,
        body: { page_size: size, page_number: number, page_count: pageCount, count: statements.length, next: number < pageCount ? number + 1 : null, previous: number > 1 ? number - 1 : null, add_permission: true, results },
      };
    },
    { authScheme: 'Token' },
  );
  return {
    ...server,
    listUrl: `${server.baseUrl}${LIST_PATH}`,
    statements,
    change(sid, fields) {
      Object.assign(statements.find((s) => s.sid === sid)!, fields);
    },
    nextCycle() {
      // Shift every statement one month back in index terms: the new one is index -1 of the old numbering.
      statements[0]!.is_current = false;
      const older = statements.length;
      const next = fakeStatement(0, true);
      const { start, end } = (() => {
        const [y, m] = statements[0]!.date_start.split('-').map(Number) as [number, number];
        const total = y * 12 + m; // next month, 0-based month index + 1
        const year = Math.floor(total / 12);
        const month = (total % 12) + 1;
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        const ym = `${year}-${String(month).padStart(2, '0')}`;
        return { start: `${ym}-01`, end: `${ym}-${last}` };
      })();
      Object.assign(next, { sid: `st_fake_next_${older}`, name: `Statement ${start} - ${end}`, date_start: start, date_end: end });
      statements.unshift(next);
      return next;
    },
    remove(sid) {
      const at = statements.findIndex((s) => s.sid === sid);
      if (at < 0) throw new Error(`no statement ${sid}`);
      return statements.splice(at, 1)[0]!;
    },
    restore(statement) {
      const at = statements.findIndex((s) => s.date_start < statement.date_start);
      statements.splice(at < 0 ? statements.length : at, 0, statement);
    },
  };
}

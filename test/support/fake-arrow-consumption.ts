import { FakeClock, fakeUuid, startFakeSource, type FakeSourceServer } from './fake-source-server';

// Seed 003 (Arrow consumption records): GET /api/admin/arrow/consumption-records/ with page,
// page_size and billing_period_from, answering an array of records in the seed's fields; a
// page past the end is 404 {"detail": "Invalid page."} as in Django REST framework.

export type ArrowRecord = Record<string, unknown> & { uuid: string; billing_period: string; modified: string };

export interface FakeArrow extends FakeSourceServer {
  records: ArrowRecord[];
  /** Change a record's fields; it gets a new `modified`. */
  change(uuid: string, fields: Record<string, unknown>): void;
}

const PATH = '/api/admin/arrow/consumption-records/';

export async function startFakeArrow(count: number, months: string[] = ['2026-10-01']): Promise<FakeArrow> {
  const clock = new FakeClock();
  const records: ArrowRecord[] = [];
  for (let i = 1; i <= count; i++) {
    const at = clock.tick();
    const uuid = fakeUuid();
    records.push({
      uuid,
      url: `http://example.test${PATH}${uuid}/`,
      resource_uuid: fakeUuid(),
      resource_name: `vm-${i}`,
      customer_uuid: fakeUuid(),
      customer_name: 'Acme',
      project_uuid: fakeUuid(),
      project_name: 'Main',
      license_reference: `XSP${10000 + i}`,
      billing_period: months[i % months.length],
      consumed_sell: `${(i % 50) + 1}.25`,
      consumed_buy: `${(i % 50) + 1}.00`,
      final_sell: null,
      final_buy: null,
      is_finalized: false,
      is_reconciled: false,
      adjustment_amount: '0.00',
      last_sync_at: at,
      raw_data: { meter: i },
      created: at,
      modified: at,
    });
  }
  const filtered = new Map<string, ArrowRecord[]>();
  const server = await startFakeSource((url, auth) => {
    if (url.pathname !== PATH) return null;
    if (auth === 'forbidden') return { status: 403, body: { detail: 'You do not have permission to perform this action.' } };
    const page = Number(url.searchParams.get('page') ?? 1);
    const size = Number(url.searchParams.get('page_size') ?? 100);
    const from = url.searchParams.get('billing_period_from');
    // Filtered once per filter value and kept until a record changes, so a bench can page through 100,000.
    let matching = from === null ? records : filtered.get(from);
    if (!matching) {
      matching = records.filter((r) => r.billing_period >= from!);
      filtered.set(from!, matching);
    }
    const start = (page - 1) * size;
    if (page > 1 && start >= matching.length) return { status: 404, body: { detail: 'Invalid page.' } };
    return { status: 200, body: matching.slice(start, start + size) };
  });
  return {
    ...server,
    records,
    change(uuid, fields) {
      const record = records.find((r) => r.uuid === uuid)!;
      Object.assign(record, fields, { modified: clock.tick() });
      filtered.clear();
    },
  };
}

import { FakeClock, fakeUuid, startFakeSource, type FakeSourceServer } from './fake-source-server';

// Seed 001 (Allocora) as the sync reads it: GET /api/allocora/ping, and GET /api/v1/<entity>
// with limit (at most 100) / offset / updated_after (exclusive) / updated_since (inclusive),
// oldest updated_at first, answering {records, meta}. Records are
// the seed's fields plus the server's id (a UUID), created_at and updated_at.

export type AllocoraEntity = 'payees' | 'products' | 'revenues' | 'rules';
export type AllocoraRecord = Record<string, unknown> & { id: string; external_id: string; updated_at: string };

export interface FakeAllocora extends FakeSourceServer {
  data: Record<AllocoraEntity, AllocoraRecord[]>;
  /** Create or change a record by external_id; it gets a new updated_at. */
  put(entity: AllocoraEntity, fields: Record<string, unknown> & { external_id: string }): AllocoraRecord;
}

/** `payees` payees, `products` products and `revenues` sales in October 2026 (and any in `months`). */
/** tiedRevenues: every generated revenue has the same updated_at (a bulk load on the server). */
export async function startFakeAllocora(counts: { payees: number; products: number; revenues: number; rules?: number; months?: string[]; tiedRevenues?: boolean }): Promise<FakeAllocora> {
  const clock = new FakeClock();
  // Each list stays in updated_at order (ISO strings of one shape: text order is time order);
  // the index finds a record by external_id without a scan, so a bench can serve millions.
  const data: Record<AllocoraEntity, AllocoraRecord[]> = { payees: [], products: [], revenues: [], rules: [] };
  const byExternalId: Record<AllocoraEntity, Map<string, AllocoraRecord>> = { payees: new Map(), products: new Map(), revenues: new Map(), rules: new Map() };
  function put(entity: AllocoraEntity, fields: Record<string, unknown> & { external_id: string }): AllocoraRecord {
    const list = data[entity];
    const at = tied ?? clock.tick();
    const old = byExternalId[entity].get(fields.external_id);
    if (old) {
      // A changed record moves to the end, as a list ordered by updated_at shows it.
      list.splice(list.indexOf(old), 1);
      const next = { ...old, ...fields, updated_at: at };
      list.push(next);
      byExternalId[entity].set(next.external_id, next);
      return next;
    }
    const record = { id: fakeUuid(), ...fields, created_at: at, updated_at: at } as AllocoraRecord;
    list.push(record);
    byExternalId[entity].set(record.external_id, record);
    return record;
  }

  /** The first index whose updated_at is past `time` (strictly, or at it too). */
  function firstAfter(list: AllocoraRecord[], time: string, inclusive: boolean): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = list[mid].updated_at;
      if (t > time || (inclusive && t === time)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  let tied: string | null = null;
  const months = counts.months ?? ['2026-10'];
  for (let i = 1; i <= counts.payees; i++) put('payees', { external_id: `pe_${i}`, name: `Payee ${i}`, payout_currency: 'USD' });
  for (let i = 1; i <= counts.products; i++) put('products', { external_id: `pr_${i}`, name: `Product ${i}`, category: 'books' });
  if (counts.tiedRevenues) tied = clock.tick();
  for (let i = 1; i <= counts.revenues; i++) {
    const month = months[i % months.length];
    put('revenues', {
      external_id: `rv_${i}`,
      kind: 'sale',
      occurred_at: `${month}-${String((i % 27) + 1).padStart(2, '0')}T10:00:00Z`,
      amount: `${(i % 90) + 10}.${String(i % 100).padStart(2, '0')}`,
      currency: 'USD',
      quantity: 1,
      payee_external_id: `pe_${(i % Math.max(counts.payees, 1)) + 1}`,
      product_external_id: `pr_${(i % Math.max(counts.products, 1)) + 1}`,
    });
  }
  tied = null;
  // One active rule per product (rules: at most the number of products), its sale split between two payees.
  for (let i = 1; i <= (counts.rules ?? 0); i++) {
    put('rules', {
      external_id: `ru_${i}`,
      name: `Product ${i} split`,
      status: 'active',
      scope: 'product',
      product_external_id: `pr_${i}`,
      effective_from: '2026-01-01',
      splits: [
        { payee_external_id: 'pe_1', percentage: '60' },
        { payee_external_id: `pe_${Math.min(2, counts.payees)}`, percentage: '40' },
      ],
    });
  }

  const server = await startFakeSource(
    (url, auth) => {
      const match = /^\/api\/v1\/(payees|products|revenues|rules)$/.exec(url.pathname);
      if (!match) return null;
      const entity = match[1] as AllocoraEntity;
      if (auth === 'forbidden') return { status: 403, body: { detail: `This key lacks read:${entity}` } };
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), 100);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const after = url.searchParams.get('updated_after');
      const since = url.searchParams.get('updated_since');
      const list = data[entity];
      let start = 0;
      if (after !== null) start = Math.max(start, firstAfter(list, new Date(after).toISOString(), false));
      if (since !== null) start = Math.max(start, firstAfter(list, new Date(since).toISOString(), true));
      return { status: 200, body: { records: list.slice(start + offset, start + offset + limit), meta: { total: list.length - start, limit, offset } } };
    },
    { pingPath: '/api/allocora/ping' },
  );
  return { ...server, data, put };
}

import { Decimal } from '../../shared/decimal';
import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import type { StoredPayee } from '../payees/payee-store';
import { startImportBatch } from '../imports/records/import-batch';
import { RuleWriter } from '../rules/rule-batch';
import { RULE_RECORD_FIELDS } from '../rules/rule-record';
import { ruleLocalValues } from '../sync/rule-values';
import type { PulledRecord } from '../sync/sources/source-adapter';
import { restampBatch, storeDemoRun } from './demo-sync-run';
import type { SeededRandom } from './random';

// The revenue source (seed 001) of one demo org, synced twice. The first sync brought the
// org's payees, products and rules and some revenues of the last four months as they are
// here (unchanged, now linked), two revenues the server had corrected (updated), and a
// payee and a product only the server had (created). Then the accountant changed a revenue
// (a file of corrections) and a rule (a new split from the closing month) here, and the
// server changed both too: the second sync keeps them as conflicts; it also updates two
// revenues, finds one of the closed month changed on the server (blocked_locked_period) and
// gets two again as they were.
// No revenue is created: the demo's revenue count stays the one asked for.

export interface DemoSyncTimes {
  /** The first syncs. */
  first: string;
  /** The accountant's edits between them. */
  edit: string;
  /** The second syncs. */
  second: string;
}

export interface DemoSyncMonths {
  /** The newest finalized month: the demo's locked month. */
  locked: string;
  /** The month being closed (open). */
  closing: string;
  /** The four months the first sync brought revenues of, oldest first. */
  recent: string[];
}

interface StoredRevenue {
  id: number;
  external_id: string;
  kind: string;
  occurred_at: string;
  amount_micros: number;
  currency: string;
  quantity: number;
  description: string | null;
  refund_of: string | null;
  payee_external_id: string | null;
  product_external_id: string | null;
}

const REVENUES = `SELECT r.id, r.external_id, r.kind, r.occurred_at, r.amount_micros, r.currency, r.quantity, r.description, r.refund_of,
  p.external_id AS payee_external_id, pr.external_id AS product_external_id
  FROM revenues r LEFT JOIN payees p ON p.id = r.payee_id LEFT JOIN products pr ON pr.id = r.product_id
  WHERE r.org_id = ? AND r.period = ? AND r.kind = 'sale' AND r.external_id IS NOT NULL ORDER BY r.id LIMIT ?`;

/** A revenue in seed 001's words (what the server would send for it). */
function revenueRecord(r: StoredRevenue): Record<string, unknown> {
  const record: Record<string, unknown> = {
    external_id: r.external_id,
    kind: r.kind,
    occurred_at: r.occurred_at,
    amount: microsToDecimal(r.amount_micros),
    currency: r.currency,
    quantity: r.quantity,
  };
  if (r.description !== null) record.description = r.description;
  if (r.refund_of !== null) record.refund_of = r.refund_of;
  if (r.payee_external_id !== null) record.payee_external_id = r.payee_external_id;
  if (r.product_external_id !== null) record.product_external_id = r.product_external_id;
  return record;
}

/** A stored payee as the server would list it (an external id is what links it). */
type PayeeRow = Omit<StoredPayee, 'id' | 'created_at' | 'updated_at'> & { external_id: string };

function payeeRecord(p: PayeeRow): Record<string, unknown> {
  return {
    external_id: p.external_id,
    name: p.name,
    email: p.email,
    phone: p.phone,
    address: p.address,
    payout_currency: p.payout_currency,
    on_hold: p.on_hold === 1,
    hold_reason: p.hold_reason,
    threshold: microsToDecimal(p.threshold_micros),
    fallback_percentage: p.fallback_percentage,
  };
}

interface ProductRow {
  external_id: string;
  name: string;
  category: string | null;
  tags: string | null;
  metadata: string | null;
  archived: number;
}

function productRecord(p: ProductRow): Record<string, unknown> {
  return {
    external_id: p.external_id,
    name: p.name,
    category: p.category,
    tags: p.tags === null ? null : (JSON.parse(p.tags) as string[]),
    metadata: p.metadata === null ? null : (JSON.parse(p.metadata) as object),
    archived: p.archived === 1,
  };
}

/** The server's records: each keeps one id of the server's across both syncs. */
class ServerIds {
  private readonly ids = new Map<string, string>();
  constructor(private readonly random: SeededRandom) {}
  record(key: string, fields: Record<string, unknown>): PulledRecord {
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.random.uuid()));
    const externalId = fields.external_id;
    return {
      sourceId: id,
      label: typeof externalId === 'string' ? `external_id "${externalId}"` : `id ${id}`,
      fields,
    };
  }
}

export interface DemoRevenueConflicts {
  /** The revenue changed here and on the server. */
  revenue: string;
  /** The rule changed here and on the server. */
  rule: string;
}

/** The first sync now; returns the rest (the edits here, then the second sync) to run in time order with the other sources. */
export function syncDemoRevenueSource(db: Database.Database, random: SeededRandom, orgId: string, months: DemoSyncMonths, times: DemoSyncTimes): (() => DemoRevenueConflicts) | null {
  const server = new ServerIds(random);
  const revenuesOf = (period: string, count: number) => db.prepare(REVENUES).all(orgId, period, count) as StoredRevenue[];
  const closing = revenuesOf(months.closing, 40);
  const locked = revenuesOf(months.locked, 40);
  if (closing.length < 8 || locked.length < 2) return null; // a demo with too few revenues has no history to show
  // The closing month's: [0] changed on both sides, [1] [2] corrected on the server, [3] [4] sent again as they were.
  const [conflicted, correctedA, correctedB, againA, againB] = closing;
  const revenue = (r: StoredRevenue, change: Record<string, unknown> = {}) =>
    server.record(`revenue:${r.external_id}`, {
      ...revenueRecord(r),
      ...change,
    });
  const picked = new Map([...months.recent.flatMap((period) => revenuesOf(period, 8)), conflicted, againA, againB, locked[0]].map((r) => [r.external_id, r]));
  // The two the server corrected come once, corrected.
  for (const r of [correctedA, correctedB]) picked.delete(r.external_id);
  const firstRevenues = [...picked.values()];

  const payees = (
    db
      .prepare(
        'SELECT external_id, name, email, phone, address, payout_currency, on_hold, hold_reason, threshold_micros, fallback_percentage FROM payees WHERE org_id = ? AND external_id IS NOT NULL ORDER BY id',
      )
      .all(orgId) as PayeeRow[]
  ).map((p) => server.record(`payee:${p.external_id}`, payeeRecord(p)));
  const products = (db.prepare('SELECT external_id, name, category, tags, metadata, archived FROM products WHERE org_id = ? AND external_id IS NOT NULL ORDER BY id').all(orgId) as ProductRow[]).map(
    (p) => server.record(`product:${p.external_id}`, productRecord(p)),
  );
  const ruleIds = db
    // A rule of an archived product is left out: rules.batch would refuse it active (the demo ends it before the archiving).
    .prepare('SELECT r.id, r.external_id FROM rules r LEFT JOIN products p ON p.id = r.product_id WHERE r.org_id = ? AND r.external_id IS NOT NULL AND COALESCE(p.archived, 0) = 0 ORDER BY r.id').all(orgId) as Array<{ id: number; external_id: string }>;
  const rules = ruleIds.map((r) => server.record(`rule:${r.external_id}`, ruleLocalValues(db, orgId, r.id, RULE_RECORD_FIELDS)));
  // Onboarded on the server, no sales yet.
  const suffix = orgId.slice(0, 6);
  const newPayee = server.record('payee:new', {
    external_id: `pay_online_${suffix}`,
    name: 'Marlowe Audio Works',
    email: 'accounts@marlowe-audio.example',
    payout_currency: payees.length ? (payees[0].fields.payout_currency as string) : 'USD',
    phone: '+1 503 555 0142',
    address: '14 Harbour Street\nPortland',
    threshold: '50',
  });
  const newProduct = server.record('product:new', {
    external_id: `prod_online_${suffix}`,
    name: 'Field Recording Masterclass (online only)',
    category: 'Courses',
    tags: ['online'],
    archived: false,
  });
  const corrected = (r: StoredRevenue, note: string) => revenue(r, { description: `${r.description ?? 'Sale'} (${note})` });

  storeDemoRun(
    db,
    orgId,
    'revenue',
    {
      entities: [
        { entity: 'payees', records: [...payees, newPayee] },
        { entity: 'products', records: [...products, newProduct] },
        {
          entity: 'revenues',
          records: [...firstRevenues.map((r) => revenue(r)), corrected(correctedA, 'invoice re-issued'), corrected(correctedB, 'invoice re-issued')],
        },
        { entity: 'rules', records: rules },
      ],
      cursors: {
        payees: times.first,
        products: times.first,
        revenues: times.first,
        rules: times.first,
      },
    },
    times.first,
    plusSeconds(times.first, 4),
  );
  return () => later();

  function later(): DemoRevenueConflicts {
    // Here: a file of corrections lowers the conflicted revenue; the tag rule gets a new split.
    const batch = startImportBatch(db, {
      orgId,
      entity: 'revenues',
      source: 'file',
      operation: 'update_only',
      fileName: `discounts-${months.closing}.csv`,
      fileSize: 212,
      nested: db.inTransaction,
    });
    // A tenth off, in whole cents (integer micro-units only: the whole units' tenth).
    const discounted = conflicted.amount_micros - (conflicted.amount_micros - (conflicted.amount_micros % 1_000_000)) / 10;
    batch.write([
      {
        rowNumber: 2,
        record: {
          ...revenueRecord(conflicted),
          amount: microsToDecimal(discounted),
          description: 'Discount agreed with the customer',
        },
      },
    ]);
    const { batchId } = batch.finish({ onError: 'reject' });
    if (batchId !== null) restampBatch(db, orgId, 'revenues', batchId, times.edit);
    const tagRule = ruleIds.find((r) => r.external_id === 'ru-tag') ?? ruleIds[0];
    const tagRecord = rules[ruleIds.indexOf(tagRule)].fields;
    // The first share 2 points lower from the closing month on, as a new version (splits and effective_from changed).
    const splits = tagRecord.splits as Array<Record<string, unknown>>;
    const shifted = (points: number) => splits.map((split, i) => (i === 0 ? { ...split, percentage: new Decimal(split.percentage as string).plus(points).toFixed() } : split));
    new RuleWriter(db, orgId, 'create_or_update', times.edit, 'demo').write(0, { external_id: tagRule.external_id, effective_from: `${months.closing}-01`, splits: shifted(-2) });

    // The server, meanwhile: the same two changed there (the rule's first share 5 points higher), a closed month's revenue corrected.
    const serverSplits = shifted(5);
    storeDemoRun(
      db,
      orgId,
      'revenue',
      {
        entities: [
          {
            entity: 'payees',
            records: [
              server.record('payee:new', {
                ...newPayee.fields,
                email: 'payments@marlowe-audio.example',
              }),
            ],
          },
          { entity: 'products', records: [] },
          {
            entity: 'revenues',
            records: [
              revenue(conflicted, {
                description: 'Upgraded to the annual plan',
                amount: microsToDecimal(conflicted.amount_micros + 12_000_000),
              }),
              corrected(correctedA, 'invoice re-issued, VAT number added'),
              corrected(correctedB, 'invoice re-issued, VAT number added'),
              revenue(againA),
              revenue(againB),
              corrected(locked[0], 'late correction on the server'),
            ],
          },
          {
            entity: 'rules',
            records: [
              server.record(`rule:${tagRule.external_id}`, {
                ...tagRecord,
                splits: serverSplits,
              }),
            ],
          },
        ],
        cursors: {
          payees: times.second,
          products: times.first,
          revenues: times.second,
          rules: times.second,
        },
      },
      times.second,
      plusSeconds(times.second, 2),
    );
    return { revenue: conflicted.external_id, rule: tagRule.external_id };
  }
}

export function plusSeconds(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString().slice(0, 19) + 'Z';
}

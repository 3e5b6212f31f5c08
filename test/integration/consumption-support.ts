import { createHash } from 'node:crypto';
import type { CoreHost } from '../../src/main/core/host';
import type { Database } from '../../src/main/db/driver';
import type { BatchResponse } from '../../src/shared/contract/imports';
import { tempWorkspace } from '../support/temp-workspace';
import { call, ok } from './imports-records-support';

export { call, ok };
export const ORG = 'org-r';
export const OTHER_ORG = 'org-eu';
export const OPEN = '2026-10';
export const CLOSED = '2026-08';

export const CUSTOMER_A = '6f1c2a9e-1b2c-4d3e-8f40-5a6b7c8d9e01';
export const CUSTOMER_B = '7a2d3b0f-2c3d-4e4f-9051-6b7c8d9e0f05';
export const PROJECT = '0b7d5e2a-3c4d-4e5f-9a6b-7c8d9e0f1a02';
export const RESOURCE = '1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e03';

/** Two orgs (USD and EUR); August is finalized for the USD org, September and October are open. */
export function consumptionWorkspace() {
  const ctx = tempWorkspace();
  const db = ctx.workspace.db;
  const now = '2026-10-01T00:00:00Z';
  db.prepare("INSERT INTO orgs (id, name, currency, created_at) VALUES (?, 'Reseller', 'USD', ?)").run(ORG, now);
  db.prepare("INSERT INTO orgs (id, name, currency, created_at) VALUES (?, 'Reseller EU', 'EUR', ?)").run(OTHER_ORG, now);
  db.prepare("INSERT INTO periods VALUES (?, ?, 'finalized', ?)").run(ORG, CLOSED, now);
  return ctx;
}

export interface Estimate {
  license: string;
  resource: string;
  period: string;
  sell: string;
  buy: string;
  customer?: string;
  customerName?: string;
  resourceUuid?: string;
  project?: string;
  currency?: string;
}

export async function estimate(core: CoreHost, rows: Estimate[], orgId = ORG): Promise<BatchResponse> {
  return ok<BatchResponse>(core, 'consumption.batch', {
    orgId,
    onError: 'reject',
    records: rows.map((r) => ({
      license_reference: r.license,
      resource_name: r.resource,
      billing_period: r.period,
      consumed_sell: r.sell,
      consumed_buy: r.buy,
      customer_uuid: r.customer ?? null,
      customer_name: r.customerName ?? null,
      resource_uuid: r.resourceUuid ?? null,
      project_uuid: r.project ?? null,
      currency: r.currency,
    })),
  });
}

export interface Final {
  license: string;
  resource: string;
  period: string;
  sell: string;
  buy: string;
  invoiceItem?: string;
}

/** Final amounts through a billing file import (the billing export path), as one batch. */
export async function finalize(core: CoreHost, dir: string, rows: Final[], orgId = ORG): Promise<void> {
  const { writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const path = join(dir, `billing-${Math.random().toString(36).slice(2)}.csv`);
  const header = 'license_reference,resource_name,billing_period,final_sell,final_buy,invoice_item_uuid';
  writeFileSync(path, [header, ...rows.map((r) => [r.license, r.resource, r.period, r.sell, r.buy, r.invoiceItem ?? ''].join(','))].join('\n') + '\n');
  await ok(core, 'imports.commit', {
    orgId,
    entity: 'billing',
    path,
    onError: 'reject',
    mapping: { numberConvention: 'dot', columns: Object.fromEntries(header.split(',').map((f) => [f, f])) },
  });
}

/** SHA-256 of every row of the tables reconciliation writes. */
export function reconciliationDigest(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const table of ['consumption_records', 'compensation_items', 'reconciliation_events', 'reconciliation_settings', 'import_batches']) {
    hash.update(`#${table}\n`);
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY 1`).raw(true).iterate() as Iterable<unknown[]>) hash.update(JSON.stringify(row) + '\n');
  }
  return hash.digest('hex');
}

export function uuidOf(db: Database.Database, license: string, resource: string, period: string): string {
  return db.prepare('SELECT uuid FROM consumption_records WHERE license_reference = ? AND resource_name = ? AND billing_period = ?').pluck().get(license, resource, `${period}-01`) as string;
}

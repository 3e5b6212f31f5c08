import type { CoreHost } from '../../src/main/core/host';
import type { Task } from '../../src/shared/contract/tasks';
import { LOCAL } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';
import type { Database } from '../../src/main/db/driver';

export const ORG = 'org-parent';
/** Open in the seed, and over by now. */
export const OPEN_MONTH = '2026-10';
/** Finalized in the seed. */
export const CLOSED_MONTH = '2026-09';

/** The seed's org with two October revenues in two currencies. */
export function seedCloseOrg(db: Database.Database): void {
  seedOrgWithRevenues(db, [
    { externalId: 'ch_1', kind: 'sale', occurredAt: '2026-10-03T09:00:00Z', amount: '120.00', payee: 'Ann' },
    { externalId: 'ch_2', kind: 'sale', occurredAt: '2026-10-04T09:00:00Z', amount: '80.50', currency: 'EUR', payee: 'Ann' },
  ]);
}

/** The call's error, failing loudly if it succeeded. */
export async function callError(core: CoreHost, method: string, input: unknown): Promise<{ type: string; code: string; message: string; detail: unknown }> {
  const result = await core.call(method, input, LOCAL).result;
  if (result.ok) throw new Error(`${method} succeeded: ${JSON.stringify(result.value)}`);
  return result.error as never;
}

export function periodRow(db: Database.Database, period: string): { status: string; finalized_at: string | null } | undefined {
  return db.prepare('SELECT status, finalized_at FROM periods WHERE org_id = ? AND period = ?').get(ORG, period) as never;
}

/** The codes of a task's errors (or warnings), in order. */
export function codes(task: Task, which: 'errors' | 'warnings' = 'errors'): string[] {
  return task.processing_notes[which].map((n) => n.code);
}

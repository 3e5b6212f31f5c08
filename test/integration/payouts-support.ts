import type { CoreHost } from '../../src/main/core/host';
import type { ApiError } from '../../src/shared/errors';
import { callOk, LOCAL, tempWorkspace } from '../support/temp-workspace';
import { seedOrgWithRevenues } from '../support/seed-revenues';

export const ORG = 'org-parent';

export async function callError(core: CoreHost, method: string, input: unknown, principal: { name: string; permissions: 'all' } = LOCAL): Promise<ApiError> {
  const result = await core.call(method, input, principal).result;
  if (result.ok) throw new Error(`${method} succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

/**
 * An org (2026-09 finalized, 2026-10 in progress) with payees pe_a, pe_b, pe_c (ids 1..3
 * in that order) and products: book (category Books, tags ebook), album (Music, tags
 * ebook, bundle), old (archived).
 */
export async function payoutsWorkspace() {
  const ctx = tempWorkspace();
  seedOrgWithRevenues(ctx.workspace.db, []);
  await callOk(ctx.core, 'payees.batch', {
    orgId: ORG,
    records: [
      { external_id: 'pe_a', name: 'Ada' },
      { external_id: 'pe_b', name: 'Bo' },
      { external_id: 'pe_c', name: 'Cy' },
    ],
  });
  await callOk(ctx.core, 'products.batch', {
    orgId: ORG,
    records: [
      { external_id: 'book', name: 'Book', category: 'Books', tags: ['ebook'] },
      { external_id: 'album', name: 'Album', category: 'Music', tags: ['ebook', 'bundle'] },
      { external_id: 'old', name: 'Old', category: 'Books', archived: true },
    ],
  });
  return ctx;
}

export function rule(externalId: string, fields: Record<string, unknown>) {
  return { external_id: externalId, name: `Rule ${externalId}`, status: 'active', scope: 'org', effective_from: '2026-01-01', splits: [], ...fields };
}

export async function saveRules(core: CoreHost, records: unknown[], operation = 'create_or_update') {
  return callOk<{ data: Array<{ status: string; id?: number; error?: { field: string; message: string }; changes?: string[] }>; meta: Record<string, unknown> }>(
    core,
    'rules.batch',
    { orgId: ORG, operation, records },
  );
}

export async function addRevenues(core: CoreHost, records: unknown[]) {
  const result = await callOk<{ meta: { error: number }; data: unknown[] }>(core, 'revenues.batch', { orgId: ORG, onError: 'reject', records });
  return result;
}

import type { Database } from '../../db/driver';
import { problem } from './field-problem';

/**
 * external_id -> id of an org's payees or products, through the unique index, cached
 * for the batch (a file names the same few payees a million times).
 */
export class ReferenceLookup {
  private readonly cache = new Map<string, number | null>();
  private readonly find: Database.Statement;

  constructor(
    db: Database.Database,
    table: 'payees' | 'products',
    private readonly orgId: string,
    private readonly noun: string,
  ) {
    // The table name is one of two literals, never input.
    this.find = db.prepare(`SELECT id FROM ${table} WHERE org_id = ? AND external_id = ?`).pluck();
  }

  /** The id for a given reference; null clears it, undefined leaves it as stored. */
  resolve(field: string, externalId: string | null | undefined): number | null | undefined {
    if (externalId === undefined || externalId === null) return externalId;
    let id = this.cache.get(externalId);
    if (id === undefined) {
      id = (this.find.get(this.orgId, externalId) as number | undefined) ?? null;
      this.cache.set(externalId, id);
    }
    if (id === null) throw problem(field, `no ${this.noun} with external_id "${externalId}" in this org`);
    return id;
  }
}

import type { Database } from '../db/driver';
import { notFound } from '../api/failure';

export function assertOrg(db: Database.Database, orgId: string): void {
  const found = db.prepare('SELECT 1 FROM orgs WHERE id = ?').get(orgId);
  if (!found) throw notFound('org_not_found', `There is no organization "${orgId}" in this workspace`, { orgId });
}

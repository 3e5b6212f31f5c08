import type { Database } from '../db/driver';

/** The org and every org below it (children, their children, ...), the org first. */
export function orgAndDescendants(db: Database.Database, orgId: string): string[] {
  return db
    .prepare(
      `WITH RECURSIVE below(id, depth) AS (SELECT ?, 0 UNION SELECT o.id, below.depth + 1 FROM orgs o JOIN below ON o.parent_id = below.id)
       SELECT id FROM below ORDER BY depth, id`,
    )
    .pluck()
    .all(orgId) as string[];
}

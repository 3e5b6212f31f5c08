import { randomUUID } from 'node:crypto';
import type { Org } from '../../shared/contract/orgs';
import type { Database } from '../db/driver';
import { ApiFailure, invalidInput, notFound } from '../api/failure';
import { DEFAULT_TIME_ZONE } from '../../shared/time-zone';
import { rederivePeriods } from './rederive-periods';

const ORG_COLUMNS = 'id, name, parent_id AS parentId, currency, time_zone AS timeZone, created_at AS createdAt';

/** Every org, parents before their children, siblings by name. */
export function listOrgs(db: Database.Database): Org[] {
  return db
    .prepare(
      `WITH RECURSIVE tree(id, path) AS (
         SELECT id, name FROM orgs WHERE parent_id IS NULL
         UNION ALL
         SELECT o.id, tree.path || char(31) || o.name FROM orgs o JOIN tree ON o.parent_id = tree.id
       )
       SELECT o.id, o.name, o.parent_id AS parentId, o.currency, o.time_zone AS timeZone, o.created_at AS createdAt FROM tree JOIN orgs o USING (id) ORDER BY tree.path`,
    )
    .all() as Org[];
}

export function getOrg(db: Database.Database, id: string): Org {
  const org = db.prepare(`SELECT ${ORG_COLUMNS} FROM orgs WHERE id = ?`).get(id) as Org | undefined;
  if (!org) throw notFound('org_not_found', `There is no organization "${id}" in this workspace`, { orgId: id });
  return org;
}

export function createOrg(db: Database.Database, input: { name: string; currency: string; parentId?: string | null; timeZone?: string }): Org {
  const parentId = input.parentId ?? null;
  return db.transaction(() => {
    if (parentId !== null) assertParentExists(db, parentId);
    assertNameFree(db, input.name, parentId, null);
    const id = randomUUID();
    db.prepare('INSERT INTO orgs (id, name, parent_id, currency, time_zone, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      id,
      input.name,
      parentId,
      input.currency,
      input.timeZone ?? DEFAULT_TIME_ZONE,
      new Date().toISOString(),
    );
    return getOrg(db, id);
  }).immediate();
}

export function updateOrg(
  db: Database.Database,
  input: { id: string; name?: string; currency?: string; parentId?: string | null; timeZone?: string },
): Org {
  return db.transaction(() => {
    const org = getOrg(db, input.id);
    const name = input.name ?? org.name;
    const parentId = input.parentId === undefined ? org.parentId : input.parentId;
    if (parentId !== org.parentId && parentId !== null) {
      assertParentExists(db, parentId);
      if (isSelfOrDescendant(db, parentId, org.id)) {
        throw invalidInput(
          [{ field: 'parentId', message: `"${parentId}" is ${parentId === org.id ? 'this org itself' : 'one of its own child orgs'}: an org cannot be placed under itself` }],
          `An org cannot be placed under ${parentId === org.id ? 'itself' : 'one of its own child orgs'} (parentId "${parentId}").`,
        );
      }
    }
    if (name !== org.name || parentId !== org.parentId) assertNameFree(db, name, parentId, org.id);
    if (input.currency !== undefined && input.currency !== org.currency) assertNoMoneyRows(db, org, input.currency);
    if (input.timeZone !== undefined && input.timeZone !== org.timeZone) rederivePeriods(db, org, input.timeZone);
    db.prepare('UPDATE orgs SET name = ?, parent_id = ?, currency = ?, time_zone = ? WHERE id = ?').run(
      name,
      parentId,
      input.currency ?? org.currency,
      input.timeZone ?? org.timeZone,
      org.id,
    );
    return getOrg(db, org.id);
  }).immediate();
}

function assertParentExists(db: Database.Database, parentId: string): void {
  if (!db.prepare('SELECT 1 FROM orgs WHERE id = ?').get(parentId)) {
    throw invalidInput([{ field: 'parentId', message: `there is no organization "${parentId}" in this workspace` }], `parentId: there is no organization "${parentId}" in this workspace.`);
  }
}

function isSelfOrDescendant(db: Database.Database, candidate: string, orgId: string): boolean {
  const found = db
    .prepare(
      `WITH RECURSIVE below(id) AS (SELECT ? UNION SELECT o.id FROM orgs o JOIN below ON o.parent_id = below.id)
       SELECT 1 FROM below WHERE id = ?`,
    )
    .get(orgId, candidate);
  return found !== undefined;
}

/** Sibling names compare without case or surrounding space ("Acme EU" = "acme eu "). */
function assertNameFree(db: Database.Database, name: string, parentId: string | null, exceptId: string | null): void {
  const siblings = db
    .prepare('SELECT id, name FROM orgs WHERE parent_id IS ? AND id IS NOT ?')
    .all(parentId, exceptId) as Array<{ id: string; name: string }>;
  const key = name.trim().toLocaleLowerCase();
  const taken = siblings.find((s) => s.name.trim().toLocaleLowerCase() === key);
  if (taken) {
    const where = parentId === null ? 'at the top level' : 'under the same parent';
    throw new ApiFailure('conflict', 'org_name_taken', `name: there is already an organization named "${taken.name}" ${where}; choose another name.`, {
      field: 'name',
      orgId: taken.id,
    });
  }
}

/** Money rows are in the org's currency's terms: the currency changes only while there are none. */
function assertNoMoneyRows(db: Database.Database, org: Org, currency: string): void {
  const revenues = db.prepare('SELECT count(*) FROM (SELECT 1 FROM revenues WHERE org_id = ? LIMIT 1)').pluck().get(org.id) as number;
  const consumption = db.prepare('SELECT count(*) FROM (SELECT 1 FROM consumption_records WHERE org_id = ? LIMIT 1)').pluck().get(org.id) as number;
  if (revenues + consumption > 0) {
    throw new ApiFailure(
      'conflict',
      'org_has_money_rows',
      `currency: "${org.name}" already holds ${revenues ? 'revenues' : 'consumption records'}, so its reporting currency stays ${org.currency}; it cannot become ${currency}.`,
      { field: 'currency', orgId: org.id },
    );
  }
}

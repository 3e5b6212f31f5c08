import type { Org, PeriodInfo } from '../../shared/contract/orgs';
import type { HandlerSlice } from '../api/registry';
import { assertOrg } from './assert-org';

export const orgsHandlers: HandlerSlice<'orgs.list' | 'periods.list'> = {
  'orgs.list': (_input, { workspace }) => {
    // Parents before their children, siblings by name.
    const orgs = workspace.db
      .prepare(
        `WITH RECURSIVE tree(id, name, parent_id, path) AS (
           SELECT id, name, parent_id, name FROM orgs WHERE parent_id IS NULL
           UNION ALL
           SELECT o.id, o.name, o.parent_id, tree.path || char(31) || o.name FROM orgs o JOIN tree ON o.parent_id = tree.id
         )
         SELECT id, name, parent_id AS parentId FROM tree ORDER BY path`,
      )
      .all() as Org[];
    return { orgs };
  },
  'periods.list': ({ orgId }, { workspace }) => {
    assertOrg(workspace.db, orgId);
    const periods = workspace.db
      .prepare('SELECT period, status, finalized_at AS finalizedAt FROM periods WHERE org_id = ? ORDER BY period DESC')
      .all(orgId) as PeriodInfo[];
    return { periods };
  },
};

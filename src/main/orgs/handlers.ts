import type { PeriodInfo } from '../../shared/contract/orgs';
import type { HandlerSlice } from '../api/registry';
import { assertOrg } from './assert-org';
import { createOrg, listOrgs, updateOrg } from './org-records';

export const orgsHandlers: HandlerSlice<'orgs.list' | 'orgs.create' | 'orgs.update' | 'periods.list'> = {
  'orgs.list': (_input, { workspace }) => ({ orgs: listOrgs(workspace.db) }),
  'orgs.create': (input, { workspace }) => createOrg(workspace.db, input),
  'orgs.update': (input, { workspace }) => updateOrg(workspace.db, input),
  'periods.list': ({ orgId }, { workspace }) => {
    assertOrg(workspace.db, orgId);
    const periods = workspace.db
      .prepare('SELECT period, status, finalized_at AS finalizedAt FROM periods WHERE org_id = ? ORDER BY period DESC')
      .all(orgId) as PeriodInfo[];
    return { periods };
  },
};

import type { HandlerSlice } from '../api/registry';
import { assertOrg } from '../orgs/assert-org';
import { runShowbackBatch } from './batch';
import { commitmentApplier, listCommitments } from './commitments';
import { listUsage, usageApplier } from './usage';

export const showbackHandlers: HandlerSlice<'commitments.batch' | 'commitments.list' | 'showback.usageBatch' | 'showback.usageList'> = {
  'commitments.batch': (input, { workspace }) =>
    runShowbackBatch(workspace.db, input, () => commitmentApplier(workspace.db, input.orgId, input.operation, new Date().toISOString())),
  'commitments.list': (input, { workspace }) => {
    assertOrg(workspace.db, input.orgId);
    return { commitments: listCommitments(workspace.db, input.orgId) };
  },
  'showback.usageBatch': (input, { workspace }) =>
    runShowbackBatch(workspace.db, input, () => usageApplier(workspace.db, input.orgId, input.operation, new Date().toISOString())),
  'showback.usageList': (input, { workspace }) => {
    assertOrg(workspace.db, input.orgId);
    return listUsage(workspace.db, input.orgId, input);
  },
};

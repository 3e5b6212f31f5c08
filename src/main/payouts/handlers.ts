import type { HandlerSlice } from '../api/registry';
import { comparePayouts } from './compare';
import { explainPayouts } from './explain';
import { exportPayables } from './export';
import { getPayoutGroup } from './group';
import { getPayoutRun, runPayouts } from './run';

export const payoutsHandlers: HandlerSlice<'payouts.run' | 'payouts.get' | 'payouts.group' | 'payouts.explain' | 'payouts.compare' | 'payouts.export'> = {
  'payouts.run': (input, { workspace, principal }) => runPayouts(workspace.db, input.orgId, input.period, principal.name),
  'payouts.get': (input, { workspace }) => getPayoutRun(workspace.db, input.orgId, input.period),
  'payouts.group': (input, { workspace }) => getPayoutGroup(workspace.db, input.orgId, input.period),
  'payouts.explain': (input, { workspace }) => explainPayouts(workspace.db, input),
  'payouts.compare': (input, { workspace }) => comparePayouts(workspace.db, input),
  'payouts.export': (input, { workspace, signal }) => exportPayables(workspace.db, input, { signal }),
};

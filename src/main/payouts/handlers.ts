import type { HandlerSlice } from '../api/registry';
import { getPayoutRun, runPayouts } from './run';

export const payoutsHandlers: HandlerSlice<'payouts.run' | 'payouts.get'> = {
  'payouts.run': (input, { workspace, principal }) => runPayouts(workspace.db, input.orgId, input.period, principal.name),
  'payouts.get': (input, { workspace }) => getPayoutRun(workspace.db, input.orgId, input.period),
};

import type { HandlerSlice } from '../api/registry';
import { closeHistory } from './history';
import { reopenMonth } from './reopen';
import { closeReadiness, startClose } from './start';

export const closeHandlers: HandlerSlice<'close.start' | 'close.checks' | 'close.reopen' | 'close.history'> = {
  'close.start': (input, ctx) => startClose(ctx.workspace.db, input.orgId, input.period, ctx),
  'close.checks': (input, { workspace }) => closeReadiness(workspace.db, input.orgId, input.period),
  'close.reopen': (input, { workspace, principal }) => reopenMonth(workspace.db, input, principal.name),
  'close.history': (input, { workspace }) => closeHistory(workspace.db, input.orgId, input.period),
};

import type { HandlerSlice } from '../api/registry';
import { exportRevenues } from './export';
import { getRevenue, listRevenues, summarizeRevenues } from './list';

export const revenuesHandlers: HandlerSlice<'revenues.list' | 'revenues.summary' | 'revenues.get' | 'revenues.export'> = {
  'revenues.list': (input, { workspace }) => listRevenues(workspace.db, input),
  'revenues.summary': (input, { workspace }) => summarizeRevenues(workspace.db, input),
  'revenues.get': (input, { workspace }) => getRevenue(workspace.db, input),
  'revenues.export': (input, { workspace, progress, signal }) =>
    exportRevenues(workspace.db, input, {
      signal,
      onProgress: (rows) => progress({ task: 'revenues.export', done: rows, total: null }),
    }),
};

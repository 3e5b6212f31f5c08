import type { HandlerSlice } from '../api/registry';
import { getBatch, listBatches } from './batch-list';
import { exportOutcomes } from './outcomes-export';
import { listOutcomes } from './outcomes-view';
import { undoBatch } from './records/undo-batch';

export const importsHandlers: HandlerSlice<'imports.list' | 'imports.get' | 'imports.outcomes' | 'imports.exportOutcomes' | 'imports.undo'> = {
  'imports.list': (input, { workspace }) => listBatches(workspace.db, input),
  'imports.get': ({ batchId }, { workspace }) => getBatch(workspace.db, batchId),
  'imports.outcomes': (input, { workspace }) => listOutcomes(workspace.db, input),
  'imports.exportOutcomes': (input, { workspace, progress, signal }) =>
    exportOutcomes(workspace.db, input, {
      signal,
      onProgress: (rows) => progress({ task: 'imports.exportOutcomes', done: rows, total: null }),
    }),
  'imports.undo': ({ batchId }, { workspace }) => {
    const { removed, restored } = undoBatch(workspace.db, batchId);
    return { batch: getBatch(workspace.db, batchId), removed, restored };
  },
};

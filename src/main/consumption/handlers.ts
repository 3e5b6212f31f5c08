import type { HandlerSlice } from '../api/registry';
import { runRecordBatch } from '../imports/record-batch';
import { exportConsumption } from './export';
import { consumptionGrid } from './grid';
import { getConsumption, listConsumption } from './list';
import { summarizeConsumption } from './summary';

export const consumptionHandlers: HandlerSlice<'consumption.list' | 'consumption.get' | 'consumption.grid' | 'consumption.summary' | 'consumption.export' | 'consumption.batch'> = {
  'consumption.list': (input, { workspace }) => listConsumption(workspace.db, input),
  'consumption.get': (input, { workspace }) => getConsumption(workspace.db, input.uuid),
  'consumption.grid': (input, { workspace }) => consumptionGrid(workspace.db, input),
  'consumption.summary': (input, { workspace }) => summarizeConsumption(workspace.db, input),
  'consumption.export': (input, { workspace, signal }) => exportConsumption(workspace.db, input, { signal }),
  'consumption.batch': (input, { workspace }) => runRecordBatch(workspace.db, 'consumption', input),
};

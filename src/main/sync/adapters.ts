import type { SyncSource } from '../../shared/contract/sync';
import { allocora } from './sources/allocora';
import { arrowConsumption } from './sources/arrow-consumption';
import { reportTasks } from './sources/report-tasks';
import type { SourceAdapter } from './sources/source-adapter';

/** The sources pulled today; statements (004) and reports (000) have connections only. */
export const ADAPTERS: Partial<Record<SyncSource, SourceAdapter>> = {
  revenue: allocora,
  consumption: arrowConsumption,
  tasks: reportTasks,
};

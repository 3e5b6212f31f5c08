import type { SyncSource } from '../../shared/contract/sync';
import { allocationReports } from './sources/allocation-reports';
import { allocora } from './sources/allocora';
import { arrowConsumption } from './sources/arrow-consumption';
import { reportTasks } from './sources/report-tasks';
import { statementsSource } from './sources/statements';
import type { SourceAdapter } from './sources/source-adapter';

/** Every source system's adapter (the seeds' APIs). */
export const ADAPTERS: Partial<Record<SyncSource, SourceAdapter>> = {
  revenue: allocora,
  consumption: arrowConsumption,
  tasks: reportTasks,
  statements: statementsSource,
  reports: allocationReports,
};

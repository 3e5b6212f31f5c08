import type { SyncSource } from '../../../shared/contract/sync';

/** What each source system is, in the person's words, with the seed it follows. */
export const SOURCE_NAMES: Record<SyncSource, { title: string; what: string; example: string }> = {
  revenue: { title: 'Revenue and payouts', what: 'payees, products and revenues (Allocora API)', example: 'https://www.allocora.com' },
  consumption: { title: 'Consumption records', what: 'consumption records (Arrow admin API)', example: 'https://billing.example.com' },
  statements: { title: 'Statements', what: 'statements', example: 'https://…' },
  reports: { title: 'Allocation reports', what: 'allocation reports', example: 'https://…' },
  tasks: { title: 'Report tasks', what: 'generated report tasks (billing reports API)', example: 'https://api.gcore.com' },
};

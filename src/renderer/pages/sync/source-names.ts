import type { SyncSource } from '../../../shared/contract/sync';

/** What each source system is, in the person's words, with the seed it follows. */
export const SOURCE_NAMES: Record<SyncSource, { title: string; what: string; example: string }> = {
  revenue: { title: 'Revenue and payouts', what: 'payees, products and revenues (Allocora API)', example: 'https://www.allocora.com' },
  consumption: { title: 'Consumption records', what: 'consumption records (Arrow admin API)', example: 'https://billing.example.com' },
  statements: { title: 'Statements', what: "the org's statements (statement list, detail serializer)", example: 'https://…/organizations/statement/list/organization/<org sid>' },
  reports: { title: 'Allocation reports', what: "each allocation report's months as the online system computed them", example: 'https://…/beta/v1/org/<org uuid>' },
  tasks: { title: 'Report tasks', what: 'generated report tasks (billing reports API)', example: 'https://api.gcore.com' },
};

// The rows the demo writes, shaped like the workspace tables (snake_case fields map
// one to one onto columns). Money is integer micro-units throughout.
import type { Pricing } from './catalog-words';
import type { RevenueKind } from '../../shared/contract/revenues';
import type { PeriodStatus } from '../../shared/period';

export type CurrencyCode = 'USD' | 'EUR' | 'GBP';

export interface DemoOrg {
  id: string;
  name: string;
  parent_id: string | null;
  /** Reporting currency. */
  currency: CurrencyCode;
  /** The org's clock: its revenues' periods are months on it. */
  time_zone: string;
  created_at: string;
  /** Share of the revenue rows, in percent (not stored). */
  revenueShare: number;
  /** Integer weights for USD, EUR, GBP (not stored). */
  currencyWeights: readonly [number, number, number];
  payeeCount: number;
  productCount: number;
}

export interface DemoPeriod {
  org_id: string;
  period: string;
  status: PeriodStatus;
  finalized_at: string | null;
}

export interface DemoPayee {
  id: number;
  org_id: string;
  external_id: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  /** ISO 4217; mostly the org's currency. */
  payout_currency: string;
  on_hold: 0 | 1;
  /** Set exactly when on_hold is 1. */
  hold_reason: string | null;
  threshold_micros: number;
  fallback_percentage: string | null;
  created_at: string;
  updated_at: string;
}

export interface DemoProduct {
  id: number;
  org_id: string;
  external_id: string;
  name: string;
  category: string;
  /** JSON array text. */
  tags: string;
  /** JSON object text. */
  metadata: string;
  archived: 0 | 1;
  created_at: string;
  updated_at: string;
  /** Not stored as a column: how sales of it are priced, and who is paid for it. */
  pricing: Pricing;
  unitPriceMicros: number;
  unit: string;
  payeeId: number | null;
  /** The month it was archived in (archived products only): no sales from then on. */
  archivedFrom: string | null;
}

export interface DemoRevenue {
  id: number;
  org_id: string;
  external_id: string;
  kind: RevenueKind;
  occurred_at: string;
  period: string;
  payee_id: number | null;
  product_id: number | null;
  amount_micros: number;
  currency: CurrencyCode;
  quantity: number;
  description: string;
  refund_of: string | null;
}

export const CURRENCIES: readonly CurrencyCode[] = ['USD', 'EUR', 'GBP'];

/** A rule as the rules table holds it, with every saved version (1 first). */
export interface DemoRule {
  id: number;
  org_id: string;
  external_id: string;
  versions: DemoRuleVersion[];
}

export interface DemoRuleVersion {
  saved_at: string;
  changes: string[];
  state: {
    name: string;
    status: 'draft' | 'active' | 'inactive';
    scope: 'product' | 'category' | 'tag' | 'org';
    product_id: number | null;
    category: string | null;
    tag: string | null;
    effective_from: string;
    effective_to: string | null;
    splits: Array<{ payee_id: number; percentage: string; fixed_micros: number | null }>;
  };
}

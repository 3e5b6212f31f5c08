import type { ImportEntity } from '../../../shared/contract/imports';

/**
 * How the mapping reads a field's cell before the records layer checks it: amounts and
 * percentages through parseAmount (the mapping's number convention, signs and unit),
 * dates through parseDate (its date format), currency codes upper-cased; everything
 * else is handed over as text.
 */
export type FieldKind = 'text' | 'money' | 'percent' | 'date' | 'currency';

const KINDS: Record<ImportEntity, Readonly<Record<string, FieldKind>>> = {
  revenues: { amount: 'money', occurred_at: 'date', currency: 'currency' },
  payees: { threshold: 'money', fallback_percentage: 'percent' },
  products: {},
  billing: { final_sell: 'money', final_buy: 'money', currency: 'currency' },
  consumption: { consumed_sell: 'money', consumed_buy: 'money', currency: 'currency', last_sync_at: 'date' },
  // The cycle's first day through the mapping's date format; counts stay text for the whole-number check.
  usage: { cycle_start: 'date' },
  // Months stay text (YYYY-MM); the showback readers check them.
  commitments: { monthly_premium: 'money', commitment_cost: 'money', rebates: 'money', currency: 'currency', purchase_date: 'date', term_start: 'date', term_end: 'date' },
  showback_usage: { on_demand_cost: 'money', covered_cost: 'money', currency: 'currency' },
};

export function fieldKind(entity: ImportEntity, field: string): FieldKind {
  return KINDS[entity][field] ?? 'text';
}

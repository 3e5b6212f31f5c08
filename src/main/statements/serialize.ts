import { microsToDecimal } from '../../shared/money';
import type { StatementAmounts, StatementOrigin, StatementDetail, StatementListItem, StatementName, StatementResult, StatementSerializer } from '../../shared/contract/statements';
import { formatCost, formatMegabytes, formatPrice } from './display';

/** A stored statement row as read (micro-unit columns are safe integers). */
export interface StatementDbRow {
  sid: string;
  date_start: string;
  date_end: string;
  currency: string;
  is_current: number;
  is_subscription: number;
  seats: number;
  record_count: number;
  section_widget_uses: number;
  column_widget_uses: number;
  version_count: number;
  file_size_mb: number;
  backups: number;
  subscription_price_micros: number;
  ppu_price_micros: number;
  section_widget_price_micros: number;
  column_widget_price_micros: number;
  record_storage_price_micros: number;
  file_storage_price_micros: number;
  backup_price_micros: number;
  subscription_cost_micros: number;
  ppu_cost_micros: number;
  section_widget_usage_cost_micros: number;
  column_widget_usage_cost_micros: number;
  record_storage_cost_micros: number;
  file_storage_cost_micros: number;
  backup_cost_micros: number;
  total_micros: number;
  credits_applied_micros: number;
  amount_due_micros: number;
  available_credits_micros: number;
  plan_segments: string;
  origin: StatementOrigin;
  /** From the statement's sync link (list.ts); absent where a row is read without it. */
  deleted_on_server_at?: string | null;
}

/** Seed 004's name: "Statement YYYY-MM-DD - YYYY-MM-DD" (first and last day of the cycle). */
export function statementName(dateStart: string, dateEnd: string): string {
  return `Statement ${dateStart} - ${dateEnd}`;
}

function amountsOf(row: StatementDbRow): StatementAmounts {
  const d = microsToDecimal;
  return {
    currency: row.currency,
    subscription_price: d(row.subscription_price_micros),
    ppu_price: d(row.ppu_price_micros),
    section_widget_price: d(row.section_widget_price_micros),
    column_widget_price: d(row.column_widget_price_micros),
    record_storage_price: d(row.record_storage_price_micros),
    file_storage_price: d(row.file_storage_price_micros),
    backup_price: d(row.backup_price_micros),
    subscription_cost: d(row.subscription_cost_micros),
    ppu_cost: d(row.ppu_cost_micros),
    section_widget_usage_cost: d(row.section_widget_usage_cost_micros),
    column_widget_usage_cost: d(row.column_widget_usage_cost_micros),
    record_storage_cost: d(row.record_storage_cost_micros),
    file_storage_cost: d(row.file_storage_cost_micros),
    backup_cost: d(row.backup_cost_micros),
    total: d(row.total_micros),
    credits_applied: d(row.credits_applied_micros),
    amount_due: d(row.amount_due_micros),
    available_credits: d(row.available_credits_micros),
    section_widget_uses: row.section_widget_uses,
    column_widget_uses: row.column_widget_uses,
    backups: row.backups,
    file_size_mb: row.file_size_mb,
    plan_segments: JSON.parse(row.plan_segments) as StatementAmounts['plan_segments'],
  };
}

export function toName(row: Pick<StatementDbRow, 'sid' | 'date_start' | 'date_end'>): StatementName {
  return { sid: row.sid, name: statementName(row.date_start, row.date_end) };
}

export function toListItem(row: StatementDbRow): StatementListItem {
  const cost = (micros: number) => formatCost(micros, row.currency);
  return {
    ...toName(row),
    date_start: row.date_start,
    date_end: row.date_end,
    subscription_cost: cost(row.subscription_cost_micros),
    ppu_cost: cost(row.ppu_cost_micros),
    section_widget_usage_cost: cost(row.section_widget_usage_cost_micros),
    column_widget_usage_cost: cost(row.column_widget_usage_cost_micros),
    record_storage_cost: cost(row.record_storage_cost_micros),
    file_storage_cost: cost(row.file_storage_cost_micros),
    backup_cost: cost(row.backup_cost_micros),
    total: cost(row.total_micros),
    // Statements are generated: no one changes one.
    change_permission: false,
    origin: row.origin,
    deleted_on_server_at: row.deleted_on_server_at ?? null,
    amounts: amountsOf(row),
  };
}

export function toDetail(row: StatementDbRow): StatementDetail {
  const cost = (micros: number) => formatCost(micros, row.currency);
  const price = (micros: number) => formatPrice(micros, row.currency);
  return {
    ...toName(row),
    date_start: row.date_start,
    date_end: row.date_end,
    subscription_price: `${price(row.subscription_price_micros)}/seat/month`,
    seats: row.seats,
    subscription_cost: cost(row.subscription_cost_micros),
    ppu_price: `${price(row.ppu_price_micros)}/record`,
    record_count: row.record_count,
    ppu_cost: cost(row.ppu_cost_micros),
    section_widget_usage_cost: cost(row.section_widget_usage_cost_micros),
    column_widget_usage_cost: cost(row.column_widget_usage_cost_micros),
    version_count: row.version_count,
    record_storage_price: `${price(row.record_storage_price_micros)}/version`,
    record_storage_cost: cost(row.record_storage_cost_micros),
    file_storage_price: `${price(row.file_storage_price_micros)}/100G/Month`,
    file_size: formatMegabytes(row.file_size_mb),
    file_storage_cost: cost(row.file_storage_cost_micros),
    backup_cost: cost(row.backup_cost_micros),
    total: cost(row.total_micros),
    available_credits: cost(row.available_credits_micros),
    is_current: row.is_current === 1,
    is_subscription: row.is_subscription === 1,
    origin: row.origin,
    deleted_on_server_at: row.deleted_on_server_at ?? null,
    amounts: amountsOf(row),
  };
}

export function serialize(row: StatementDbRow, serializer: StatementSerializer): StatementResult {
  if (serializer === 'name') return toName(row);
  return serializer === 'list' ? toListItem(row) : toDetail(row);
}

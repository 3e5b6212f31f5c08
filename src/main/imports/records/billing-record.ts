import { readMonthStart } from './date-readers';
import { problem } from './field-problem';
import { checkKnownFields, readCurrency, readMicros, readText, readUuid, type RawRecord } from './field-readers';

export const BILLING_RECORD_FIELDS: ReadonlySet<string> = new Set([
  'license_reference',
  'resource_uuid',
  'resource_name',
  'resource',
  'billing_period',
  'final_sell',
  'final_buy',
  'customer_uuid',
  'customer_name',
  'project_uuid',
  'project_name',
  'invoice_item_uuid',
  'currency',
]);

/** A billing export row: the match key and the final amounts of one consumption record. */
export interface BillingFields {
  license_reference: string;
  resource_uuid: string | undefined;
  resource_name: string | undefined;
  billing_period: string;
  final_sell_micros: number | null | undefined;
  final_buy_micros: number | null | undefined;
  /** The currency of the final amounts, when the export names it: it must be the record's. */
  currency: string | undefined;
  /** Descriptive columns: undefined not given, null cleared. */
  details: Record<'resource' | 'customer_uuid' | 'customer_name' | 'project_uuid' | 'project_name' | 'invoice_item_uuid', string | null | undefined>;
}

function requiredKey(value: string | null | undefined, field: string): string {
  if (value === undefined || value === null) throw problem(field, 'is required: it is part of the key that matches a consumption record');
  return value;
}

export function readBillingRecord(raw: RawRecord): BillingFields {
  checkKnownFields(raw, BILLING_RECORD_FIELDS, 'billing');
  const resourceUuid = readUuid(raw, 'resource_uuid') ?? undefined;
  const resourceName = readText(raw, 'resource_name', 500) ?? undefined;
  if (resourceUuid === undefined && resourceName === undefined) {
    throw problem('resource_uuid', 'a billing row names its resource: resource_uuid or resource_name is required');
  }
  return {
    license_reference: requiredKey(readText(raw, 'license_reference', 100), 'license_reference'),
    resource_uuid: resourceUuid,
    resource_name: resourceName,
    billing_period: requiredKey(readMonthStart(raw, 'billing_period'), 'billing_period'),
    final_sell_micros: readMicros(raw, 'final_sell'),
    final_buy_micros: readMicros(raw, 'final_buy'),
    currency: readCurrency(raw, 'currency') ?? undefined,
    details: {
      resource: readText(raw, 'resource', 500),
      customer_uuid: readUuid(raw, 'customer_uuid'),
      customer_name: readText(raw, 'customer_name', 500),
      project_uuid: readUuid(raw, 'project_uuid'),
      project_name: readText(raw, 'project_name', 500),
      invoice_item_uuid: readUuid(raw, 'invoice_item_uuid'),
    },
  };
}

/** The stored resource_key a row matches: by uuid when it has one, else by name (as the schema computes it). */
export function resourceKeys(f: Pick<BillingFields, 'resource_uuid' | 'resource_name'>): string[] {
  const keys: string[] = [];
  if (f.resource_uuid !== undefined) keys.push('uuid:' + f.resource_uuid);
  if (f.resource_name !== undefined) keys.push('name:' + f.resource_name);
  return keys;
}

/** "license / resource / YYYY-MM-01": how a billing row is named in the outcomes list. */
export function billingKeyText(license: unknown, resource: unknown, period: unknown): string | null {
  const parts = [license, resource, period].map((p) => (typeof p === 'string' ? p.trim() : ''));
  return parts.some((p) => p !== '') ? parts.join(' / ') : null;
}

import { readInstant, readMonthStart } from './date-readers';
import { problem } from './field-problem';
import { checkKnownFields, describe, readCurrency, readMicros, readText, readUuid, type RawRecord } from './field-readers';

export const CONSUMPTION_RECORD_FIELDS: ReadonlySet<string> = new Set([
  'license_reference',
  'resource_uuid',
  'resource_name',
  'resource',
  'billing_period',
  'consumed_sell',
  'consumed_buy',
  'currency',
  'customer_uuid',
  'customer_name',
  'project_uuid',
  'project_name',
  'last_sync_at',
  'raw_data',
]);

/** A consumption row: the match key and the estimated amounts of one consumption record. */
export interface ConsumptionFields {
  license_reference: string;
  resource_uuid: string | undefined;
  resource_name: string | undefined;
  billing_period: string;
  consumed_sell_micros: number | undefined;
  consumed_buy_micros: number | undefined;
  currency: string | undefined;
  last_sync_at: string | undefined;
  /** JSON text, or undefined when not given. */
  raw_data: string | undefined;
  /** Descriptive columns: undefined not given, null cleared. */
  details: Record<'resource' | 'customer_uuid' | 'customer_name' | 'project_uuid' | 'project_name', string | null | undefined>;
}

function required<T>(value: T | null | undefined, field: string, why: string): T {
  if (value === undefined || value === null) throw problem(field, `is required: ${why}`);
  return value;
}

/** An amount a consumption or billing row carries: a decimal string, never below zero. */
export function readAmount(raw: RawRecord, field: string): number | undefined {
  const micros = readMicros(raw, field);
  if (micros === null) throw problem(field, 'cannot be cleared');
  if (micros !== undefined && micros < 0) throw problem(field, `${String(raw[field]).trim()} is negative; consumption and billing amounts are never below zero`);
  return micros;
}

function readRawData(raw: RawRecord): string | undefined {
  const value = raw.raw_data;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
    try {
      return JSON.stringify(JSON.parse(value));
    } catch {
      throw problem('raw_data', 'is not JSON (raw consumption data is a JSON object or value)');
    }
  }
  if (typeof value === 'object') return JSON.stringify(value);
  throw problem('raw_data', `must be JSON, not ${describe(value)}`);
}

export function readConsumptionRecord(raw: RawRecord, zone?: string): ConsumptionFields {
  checkKnownFields(raw, CONSUMPTION_RECORD_FIELDS, 'consumption');
  const resourceUuid = readUuid(raw, 'resource_uuid') ?? undefined;
  const resourceName = readText(raw, 'resource_name', 500) ?? undefined;
  if (resourceUuid === undefined && resourceName === undefined) {
    throw problem('resource_uuid', 'a consumption row names its resource: resource_uuid or resource_name is required');
  }
  return {
    license_reference: required(readText(raw, 'license_reference', 100), 'license_reference', 'it is part of the key that matches a consumption record'),
    resource_uuid: resourceUuid,
    resource_name: resourceName,
    billing_period: required(readMonthStart(raw, 'billing_period'), 'billing_period', 'it is part of the key that matches a consumption record'),
    consumed_sell_micros: readAmount(raw, 'consumed_sell'),
    consumed_buy_micros: readAmount(raw, 'consumed_buy'),
    currency: readCurrency(raw, 'currency') ?? undefined,
    last_sync_at: readInstant(raw, 'last_sync_at', zone) ?? undefined,
    raw_data: readRawData(raw),
    details: {
      resource: readText(raw, 'resource', 500),
      customer_uuid: readUuid(raw, 'customer_uuid'),
      customer_name: readText(raw, 'customer_name', 500),
      project_uuid: readUuid(raw, 'project_uuid'),
      project_name: readText(raw, 'project_name', 500),
    },
  };
}

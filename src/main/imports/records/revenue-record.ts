import { REVENUE_KINDS, type RevenueKind } from '../../../shared/contract/revenues';
import { readInstant } from './date-readers';
import { FieldProblem, problem } from './field-problem';
import { checkKnownFields, readChoice, readCurrency, readInteger, readMicros, readText, type RawRecord } from './field-readers';

/** A revenue record's fields after the per-field checks (undefined: not given; null: cleared). */
export interface RevenueFields {
  external_id: string | null | undefined;
  kind: RevenueKind | null | undefined;
  occurred_at: string | null | undefined;
  amount_micros: number | null | undefined;
  currency: string | null | undefined;
  quantity: number | null | undefined;
  description: string | null | undefined;
  refund_of: string | null | undefined;
  payee_external_id: string | null | undefined;
  product_external_id: string | null | undefined;
}

export const REVENUE_RECORD_FIELDS: ReadonlySet<string> = new Set([
  'external_id',
  'kind',
  'occurred_at',
  'amount',
  'currency',
  'quantity',
  'description',
  'refund_of',
  'payee_external_id',
  'product_external_id',
]);

export const MAX_EXTERNAL_ID = 200;
const MAX_QUANTITY = 1_000_000_000;

/** `zone`: the org's time zone, for dates and times that carry none. */
export function readRevenueRecord(raw: RawRecord, zone?: string): RevenueFields {
  checkKnownFields(raw, REVENUE_RECORD_FIELDS, 'revenue');
  return {
    external_id: readText(raw, 'external_id', MAX_EXTERNAL_ID),
    kind: readKind(raw),
    occurred_at: readInstant(raw, 'occurred_at', zone),
    amount_micros: readMicros(raw, 'amount'),
    currency: readCurrency(raw, 'currency'),
    quantity: readInteger(raw, 'quantity', -MAX_QUANTITY, MAX_QUANTITY),
    description: readText(raw, 'description', 2000),
    refund_of: readText(raw, 'refund_of', MAX_EXTERNAL_ID),
    payee_external_id: readText(raw, 'payee_external_id', MAX_EXTERNAL_ID),
    product_external_id: readText(raw, 'product_external_id', MAX_EXTERNAL_ID),
  };
}

/** A kind the app does not know, said with what to do: a file's own words map to these in the kind value map. */
function readKind(raw: RawRecord): RevenueFields['kind'] {
  try {
    return readChoice(raw, 'kind', REVENUE_KINDS);
  } catch (error) {
    if (!(error instanceof FieldProblem)) throw error;
    throw problem('kind', `${error.message}. In a file, map the file's word to one of them in the kind value map (Columns step), or correct the row`);
  }
}

import type { EntityWriter, WriterContext } from './entity-writer';
import { problem } from './field-problem';
import { checkKnownFields, readDecimalText, readEmail, readFlag, readMicros, readText, type RawRecord } from './field-readers';
import { keyedEntityWriter, type KeyedEntitySpec } from './keyed-entity-writer';
import { MAX_EXTERNAL_ID } from './revenue-record';

export const PAYEE_RECORD_FIELDS: ReadonlySet<string> = new Set(['external_id', 'name', 'email', 'on_hold', 'threshold', 'fallback_percentage']);

/** Payee fields -> stored columns; name is required to create. */
export function readPayeeRecord(raw: RawRecord): { externalId: string | null; values: Record<string, unknown> } {
  checkKnownFields(raw, PAYEE_RECORD_FIELDS, 'payee');
  const threshold = readMicros(raw, 'threshold');
  if (typeof threshold === 'number' && threshold < 0) throw problem('threshold', 'a minimum payout cannot be negative');
  return {
    externalId: readText(raw, 'external_id', MAX_EXTERNAL_ID) ?? null,
    values: {
      name: readText(raw, 'name', 200),
      email: readEmail(raw, 'email'),
      on_hold: readFlag(raw, 'on_hold'),
      threshold_micros: threshold,
      fallback_percentage: readDecimalText(raw, 'fallback_percentage', 0, 100),
    },
  };
}

const PAYEE_SPEC: KeyedEntitySpec = {
  table: 'payees',
  noun: 'payee',
  read: readPayeeRecord,
  columns: [
    { column: 'name', field: 'name', required: true, fallback: null, clearable: false },
    { column: 'email', field: 'email', required: false, fallback: null, clearable: true },
    { column: 'on_hold', field: 'on_hold', required: false, fallback: 0, clearable: false },
    { column: 'threshold_micros', field: 'threshold', required: false, fallback: 0, clearable: false },
    { column: 'fallback_percentage', field: 'fallback_percentage', required: false, fallback: null, clearable: true },
  ],
};

export function payeeWriter(ctx: WriterContext): EntityWriter {
  return keyedEntityWriter(PAYEE_SPEC, ctx);
}

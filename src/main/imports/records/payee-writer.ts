import type { EntityWriter, WriterContext } from './entity-writer';
import { problem } from './field-problem';
import { isKnownCurrency } from '../../../shared/currency';
import { checkKnownFields, readCurrency, readDecimalText, readEmail, readFlag, readMicros, readText, type RawRecord } from './field-readers';
import { keyedEntityWriter, type KeyedEntitySpec } from './keyed-entity-writer';
import { MAX_EXTERNAL_ID } from './revenue-record';

export const PAYEE_RECORD_FIELDS: ReadonlySet<string> = new Set([
  'external_id',
  'name',
  'email',
  'phone',
  'address',
  'payout_currency',
  'on_hold',
  'hold_reason',
  'threshold',
  'fallback_percentage',
]);

const PHONE = /^\+?[0-9 ()./-]{3,40}$/;

function readPhone(raw: RawRecord): string | null | undefined {
  const text = readText(raw, 'phone', 40);
  if (text === undefined || text === null) return text;
  if (!PHONE.test(text) || !/[0-9]{3}/.test(text.replace(/[^0-9]/g, ''))) throw problem('phone', `"${text}" is not a phone number (digits, spaces, + ( ) . / -)`);
  return text;
}

/** ISO 4217, known to the runtime's currency list: a made-up code is refused, not stored. */
function readPayoutCurrency(raw: RawRecord): string | null | undefined {
  const code = readCurrency(raw, 'payout_currency');
  if (code === undefined || code === null) return code;
  if (!isKnownCurrency(code)) throw problem('payout_currency', `"${code}" is not an ISO 4217 currency code known here (e.g. USD, EUR, JPY)`);
  return code;
}

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
      phone: readPhone(raw),
      address: readText(raw, 'address', 500),
      payout_currency: readPayoutCurrency(raw),
      on_hold: readFlag(raw, 'on_hold'),
      hold_reason: readText(raw, 'hold_reason', 500),
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
    { column: 'phone', field: 'phone', required: false, fallback: null, clearable: true },
    { column: 'address', field: 'address', required: false, fallback: null, clearable: true },
    { column: 'payout_currency', field: 'payout_currency', required: false, fallback: null, clearable: true },
    { column: 'on_hold', field: 'on_hold', required: false, fallback: 0, clearable: false },
    { column: 'hold_reason', field: 'hold_reason', required: false, fallback: null, clearable: true },
    { column: 'threshold_micros', field: 'threshold', required: false, fallback: 0, clearable: false },
    { column: 'fallback_percentage', field: 'fallback_percentage', required: false, fallback: null, clearable: true },
  ],
  settle: settleHold,
};

/**
 * A hold reason belongs to a payee on hold. Sent for a payee that is not (or no longer) on
 * hold, it is refused; releasing a payee (on_hold false) clears its stored reason. A reason
 * is optional here, since files from other systems rarely carry one; payees.hold asks for it.
 */
function settleHold(next: Record<string, unknown>, given: Record<string, unknown>): void {
  if (next.on_hold === 1) return;
  if (given.hold_reason !== undefined && given.hold_reason !== null) {
    throw problem('hold_reason', 'only a payee on hold has a hold reason; send on_hold true with it, or leave it out');
  }
  next.hold_reason = null;
}

export function payeeWriter(ctx: WriterContext): EntityWriter {
  return keyedEntityWriter(PAYEE_SPEC, ctx);
}

import { MAX_ROW_MICROS, microsToDecimal } from '../../../shared/money';
import { AmountReader, amountMicros, type AmountValue } from './amount-reader';
import type { ColumnRef, CompiledMapping, FieldPlan } from './compile-mapping';
import { DateReader } from './date-reader';
import { combineDateAndTime, TimeFailure } from './time-of-day';
import { FillDown } from './fill-down';
import { ReadFailure, type Ambiguity } from './read-failure';

/** Why a row cannot become a record, before the records layer sees it. */
export interface RowFailure {
  /** The file's column at fault, or null for the row as a whole. */
  column: string | null;
  message: string;
  externalId: string | null;
  /** Set when the cell reads two ways and the mapping does not decide which: the import stops and asks. */
  ambiguity: Ambiguity | null;
  /** The record's field the column feeds, when one cell is at fault (for the outcome's details line). */
  field?: string;
}

/** Field -> value; undefined: not given (an empty cell), as the records layer reads it. */
export type MappedRecord = Record<string, string | bigint | undefined>;

const WHOLE_NUMBER = /^\s*-?\d{1,9}\s*$/;

/**
 * Turns a file's rows into records of the entity's fields, in file order (fill-down and
 * line positions follow the rows). Amounts come out as exact micro-units or plain
 * decimal strings, dates in ISO form, currency codes upper-cased; the records layer
 * then checks every field and the workspace rules.
 */
export class RowMapper {
  readonly amounts: AmountReader;
  readonly dates: DateReader;
  /** Set when map() returns null. */
  failure: RowFailure | null = null;
  private readonly fill: FillDown;
  private readonly amountPlan: FieldPlan | undefined;
  private readonly quantityPlan: FieldPlan | undefined;
  private groupKey: string | null = null;
  private position = 0;
  // Every mapped field, undefined: each record is a copy of it, so all records share one
  // shape and are allocated whole (a million records built key by key cost more in GC).
  private readonly template: MappedRecord;

  constructor(readonly compiled: CompiledMapping) {
    const { mapping } = compiled;
    this.amounts = new AmountReader(mapping);
    this.dates = new DateReader(mapping.dateFormat);
    this.fill = new FillDown(compiled.fillDown, compiled.fillDownWithin);
    this.amountPlan = compiled.fields.find((p) => p.field === 'amount');
    this.quantityPlan = compiled.fields.find((p) => p.field === 'quantity');
    this.template = {};
    if (compiled.composite || compiled.externalId) this.template.external_id = undefined;
    for (const plan of compiled.fields) this.template[plan.field] = undefined;
    if (compiled.refundOf) this.template.refund_of = undefined;
  }

  /** Learn the number convention and date order from sample rows, before mapping any. */
  observe(rows: ReadonlyArray<{ cells: string[] }>): void {
    const { fields, sumCheck } = this.compiled;
    const amountColumns: ColumnRef[] = fields.filter((p) => (p.kind === 'money' || p.kind === 'percent') && p.index !== -1);
    if (sumCheck) amountColumns.push(...sumCheck.parts, ...sumCheck.subtract, sumCheck.total);
    const dateColumns = fields.filter((p) => p.kind === 'date' && p.index !== -1);
    for (const { cells } of rows) {
      for (const c of amountColumns) this.amounts.observe(cells[c.index], c.column);
      for (const c of dateColumns) this.dates.observe(cells[c.index], c.column);
    }
    for (const p of fields) {
      if (p.constant === undefined) continue;
      if (p.kind === 'money' || p.kind === 'percent') this.amounts.observe(p.constant, p.field);
      if (p.kind === 'date') this.dates.observe(p.constant, p.field);
    }
  }

  /** The row's record, or null with `failure` set. May fill `cells` in place (fill-down). */
  map(cells: string[]): MappedRecord | null {
    const c = this.compiled;
    if (this.fill.active) this.fill.apply(cells);
    const record: MappedRecord = { ...this.template };
    let externalId: string | null = null;
    if (c.composite) {
      externalId = this.compositeId(cells);
      if (externalId !== null) record.external_id = externalId;
    } else if (c.externalId) {
      const text = textOf(c.externalId, cells);
      if (text !== undefined) {
        record.external_id = text;
        externalId = text.trim() || null;
      }
    }
    for (const plan of c.fields) {
      const text = textOf(plan, cells);
      if (text === undefined) continue;
      switch (plan.kind) {
        case 'text':
          record[plan.field] = text;
          break;
        case 'currency':
          record[plan.field] = text.trim().toUpperCase();
          break;
        case 'money':
        case 'percent': {
          if (text.trim() === '') break;
          const value = this.amounts.read(text, plan.column, plan.kind === 'percent' ? 'major' : undefined);
          if (value instanceof ReadFailure) return this.fail(plan.column, value, externalId, plan.field);
          record[plan.field] = value;
          break;
        }
        case 'date': {
          if (text.trim() === '') break;
          const date = this.dates.read(text, plan.column);
          if (date instanceof ReadFailure) return this.fail(plan.column, date, externalId, plan.field);
          if (c.time && plan.field === 'occurred_at') {
            const time = c.time;
            const cellOf = (ref: ColumnRef | null) => (ref === null ? null : { text: cells[ref.index] ?? '', column: ref.column });
            const instant = combineDateAndTime({ date, dateColumn: plan.column, time: cellOf(time.column), zone: cellOf(time.zoneColumn), fixedZone: time.zone });
            if (instant instanceof TimeFailure) return this.fail(instant.column, instant, externalId, plan.field);
            record[plan.field] = instant;
          } else {
            record[plan.field] = date;
          }
          break;
        }
      }
    }
    return c.entity === 'revenues' ? this.finishRevenue(record, cells, externalId) : record;
  }

  private finishRevenue(record: MappedRecord, cells: string[], externalId: string | null): MappedRecord | null {
    const c = this.compiled;
    const kind = record.kind;
    const isRefund = typeof kind === 'string' && kind.trim().toLowerCase() === 'refund';
    if (c.mapping.amountIsUnitPrice && record.amount !== undefined) {
      const total = this.priceTimesQuantity(record.amount, record.quantity, externalId);
      if (total === null) return null;
      record.amount = total;
    }
    if (isRefund && c.mapping.signs.refundsPositive && record.amount !== undefined) record.amount = negate(record.amount);
    if (isRefund && c.refundOf) {
      const text = textOf(c.refundOf, cells);
      if (text !== undefined) record.refund_of = text;
    }
    if (c.sumCheck && !this.sumHolds(cells, externalId)) return null;
    return record;
  }

  /** Exact: BigInt micro-units times a whole quantity. */
  private priceTimesQuantity(price: AmountValue, quantity: string | bigint | undefined, externalId: string | null): bigint | null {
    const priceColumn = this.amountPlan!.column;
    const quantityColumn = this.quantityPlan!.column;
    if (typeof quantity !== 'string' || quantity.trim() === '') {
      return this.fail(quantityColumn, `${quantityColumn}: the quantity is empty; the amount is ${priceColumn} x ${quantityColumn}.`, externalId);
    }
    if (!WHOLE_NUMBER.test(quantity)) return this.fail(quantityColumn, `${quantityColumn}: "${quantity.trim()}" is not a whole number of items.`, externalId);
    const total = amountMicros(price) * BigInt(quantity.trim());
    if (total > MAX_ROW_MICROS || total < -MAX_ROW_MICROS) {
      return this.fail(priceColumn, `${priceColumn}: ${microsToDecimal(amountMicros(price))} x ${quantity.trim()} is larger than the largest amount a row can hold.`, externalId);
    }
    return total;
  }

  private sumHolds(cells: string[], externalId: string | null): boolean {
    const check = this.compiled.sumCheck!;
    const values: bigint[] = [];
    for (const ref of [...check.parts, ...check.subtract, check.total]) {
      const text = cells[ref.index];
      if (text.trim() === '') {
        values.push(0n);
        continue;
      }
      const value = this.amounts.read(text, ref.column);
      if (value instanceof ReadFailure) {
        this.fail(ref.column, value, externalId);
        return false;
      }
      values.push(amountMicros(value));
    }
    const partCount = check.parts.length;
    let sum = 0n;
    values.forEach((v, i) => {
      if (i < partCount) sum += v;
      else if (i < values.length - 1) sum -= v;
    });
    const total = values[values.length - 1];
    if (sum === total) return true;
    const terms = check.parts.map((p, i) => `${p.column} ${microsToDecimal(values[i])}`).join(' + ');
    const minus = check.subtract.map((p, i) => ` - ${p.column} ${microsToDecimal(values[partCount + i])}`).join('');
    this.fail(check.total.column, `${check.total.column}: ${terms}${minus} = ${microsToDecimal(sum)}, but ${check.total.column} is ${microsToDecimal(total)}; the row does not add up.`, externalId);
    return false;
  }

  /** Columns joined with ":", plus the row's position among consecutive rows with the same first value. */
  private compositeId(cells: string[]): string | null {
    const { parts, linePosition } = this.compiled.composite!;
    const values = parts.map((p) => cells[p.index].trim());
    if (values.every((v) => v === '')) {
      this.groupKey = null;
      return null;
    }
    if (!linePosition) return values.join(':');
    this.position = values[0] === this.groupKey ? this.position + 1 : 1;
    this.groupKey = values[0];
    return `${values.join(':')}:${this.position}`;
  }

  private fail(column: string, failure: ReadFailure | string, externalId: string | null, field?: string): null {
    const { message, ambiguity } = typeof failure === 'string' ? { message: failure, ambiguity: null } : failure;
    this.failure = { column, message, externalId, ambiguity, ...(field === undefined ? {} : { field }) };
    return null;
  }
}

/** The cell (or the constant for a missing or empty cell), value map applied; undefined when neither. */
function textOf(plan: FieldPlan, cells: string[]): string | undefined {
  let text: string | undefined = plan.index === -1 ? undefined : cells[plan.index];
  if ((text === undefined || text === '') && plan.constant !== undefined) text = plan.constant;
  if (text === undefined) return undefined;
  return plan.values ? plan.values.apply(text) : text;
}

function negate(value: AmountValue): AmountValue {
  if (typeof value === 'bigint') return -value;
  return value.startsWith('-') ? value.slice(1) : `-${value}`;
}

/** A record as text for the wizard's preview: amounts as canonical decimals ("12.50"), the rest as mapped. */
export function displayRecord(record: MappedRecord, amountFields: ReadonlySet<string>): Record<string, string | null> {
  const shown: Record<string, string | null> = {};
  for (const [field, value] of Object.entries(record)) {
    if (value === undefined) continue;
    shown[field] = typeof value === 'bigint' || amountFields.has(field) ? microsToDecimal(amountMicros(value)) : value;
  }
  return shown;
}

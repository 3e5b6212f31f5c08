import type { ImportEntity } from '../../../shared/contract/imports';
import { IMPORT_TARGET_FIELDS, type Mapping } from '../../../shared/contract/import-files';
import type { FieldIssue } from '../../../shared/errors';
import { ApiFailure } from '../../api/failure';
import { normalizeColumn } from '../profiles/header-key';
import { fieldKind, type FieldKind } from './field-kinds';

/** One field's source: a column of the file, a constant, or a column with the constant for its empty cells. */
export interface FieldPlan {
  field: string;
  kind: FieldKind;
  /** Column index in the row, or -1 for a constant only. */
  index: number;
  /** The column's name as the file writes it, for messages ("Gross"); the field name for a constant. */
  column: string;
  constant: string | undefined;
  values: ValueMap | null;
}

/** field -> stored value for listed file values; exact first, then regardless of case and surrounding spaces. */
export class ValueMap {
  private readonly exact: Map<string, string>;
  private readonly loose: Map<string, string>;

  constructor(entries: Record<string, string>) {
    this.exact = new Map(Object.entries(entries));
    this.loose = new Map(Object.entries(entries).map(([k, v]) => [k.trim().toLowerCase(), v]));
  }

  /** The stored value for a file value; values not listed pass unchanged (the records layer checks them). */
  apply(text: string): string {
    return this.exact.get(text) ?? this.loose.get(text.trim().toLowerCase()) ?? text;
  }
}

export interface ColumnRef {
  index: number;
  column: string;
}

/** A mapping checked against a file's header, with every name resolved to a column index. */
export interface CompiledMapping {
  entity: ImportEntity;
  mapping: Mapping;
  /** Fields read from cells or constants, external_id and refund_of excepted. */
  fields: FieldPlan[];
  externalId: FieldPlan | null;
  composite: { parts: ColumnRef[]; linePosition: boolean } | null;
  /** Read only on refund rows: refund_of names the sale a refund reverses and nothing else has one. */
  refundOf: FieldPlan | null;
  sumCheck: { parts: ColumnRef[]; subtract: ColumnRef[]; total: ColumnRef } | null;
  fillDown: number[];
  fillDownWithin: number;
  /** revenues: where occurred_at's time of day and zone come from, when not from its own cell. */
  time: { column: ColumnRef | null; zoneColumn: ColumnRef | null; zone: string | null } | null;
  /** field -> the column that feeds it, to name columns in the records layer's messages. */
  columnOfField: Map<string, string>;
}

/** The index of a column by name: as written, else ignoring case and surrounding spaces (as headers are compared). */
export function columnIndex(header: readonly string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact !== -1) return exact;
  const wanted = normalizeColumn(name);
  return header.findIndex((h) => normalizeColumn(h) === wanted);
}

/**
 * Check a mapping against the entity's fields and the file's header, and resolve it.
 * Every problem is reported at once, each naming the field or column, as a validation
 * error: a mapping that cannot work never reaches the rows.
 */
export function compileMapping(entity: ImportEntity, mapping: Mapping, header: readonly string[]): CompiledMapping {
  const { compiled, issues } = resolveMapping(entity, mapping, header);
  if (issues.length > 0) throw invalidMapping(issues);
  return compiled;
}

/**
 * The mapping resolved as far as it fits the file, and what does not fit. The wizard's
 * preview uses this, so a first guess that lacks a field still shows the file; the parts
 * that do not fit are left out of the preview, and check and commit refuse until fixed.
 */
export function resolveMapping(entity: ImportEntity, mapping: Mapping, header: readonly string[]): { compiled: CompiledMapping; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const targets = IMPORT_TARGET_FIELDS[entity];
  const known = new Set(targets.map((t) => t.field));
  const columnList = header.map((h) => JSON.stringify(h)).join(', ');

  const resolve = (name: string, where: string): ColumnRef => {
    const index = columnIndex(header, name);
    if (index === -1) issues.push({ field: where, message: `the file has no column "${name}" (its columns: ${columnList})` });
    return { index, column: index === -1 ? name : header[index] };
  };
  const allFound = (refs: ColumnRef[]) => refs.every((r) => r.index !== -1);
  for (const [group, record] of [['columns', mapping.columns], ['constants', mapping.constants], ['valueMaps', mapping.valueMaps]] as const) {
    for (const field of Object.keys(record)) {
      if (!known.has(field)) issues.push({ field: `mapping.${group}.${field}`, message: `"${field}" is not a field of ${entity} (fields: ${[...known].join(', ')})` });
    }
  }

  const plans = new Map<string, FieldPlan>();
  for (const { field } of targets) {
    const name = mapping.columns[field];
    const constant = mapping.constants[field];
    if (name === undefined && constant === undefined) continue;
    const ref = name === undefined ? { index: -1, column: field } : resolve(name, `mapping.columns.${field}`);
    if (ref.index === -1 && constant === undefined) continue;
    const values = mapping.valueMaps[field];
    plans.set(field, { field, kind: fieldKind(entity, field), index: ref.index, column: ref.column, constant, values: values ? new ValueMap(values) : null });
  }

  let composite = mapping.externalIdFrom
    ? { parts: mapping.externalIdFrom.columns.map((c, i) => resolve(c, `mapping.externalIdFrom.columns.${i}`)), linePosition: mapping.externalIdFrom.linePosition }
    : null;
  if (composite && plans.has('external_id')) {
    issues.push({ field: 'mapping.externalIdFrom', message: 'external_id is built from columns here and also mapped to a column; keep one of the two' });
  }
  if (composite && (!allFound(composite.parts) || plans.has('external_id'))) composite = null;
  for (const target of targets) {
    if (target.required && !plans.has(target.field) && mapping.columns[target.field] === undefined) {
      issues.push({ field: `mapping.columns.${target.field}`, message: `${target.label} (${target.field}) is required: map a column to it or give a constant` });
    }
  }
  let unitPrice = mapping.amountIsUnitPrice;
  if (unitPrice && entity !== 'revenues') issues.push({ field: 'mapping.amountIsUnitPrice', message: `only revenues have a unit price and quantity, not ${entity}` });
  else if (unitPrice && !plans.has('quantity')) issues.push({ field: 'mapping.columns.quantity', message: 'the amount is a unit price (amountIsUnitPrice), so quantity must be mapped' });
  if (entity !== 'revenues' || !plans.has('quantity')) unitPrice = false;
  let sumCheck = mapping.sumCheck
    ? {
        parts: mapping.sumCheck.parts.map((c, i) => resolve(c, `mapping.sumCheck.parts.${i}`)),
        subtract: mapping.sumCheck.subtract.map((c, i) => resolve(c, `mapping.sumCheck.subtract.${i}`)),
        total: resolve(mapping.sumCheck.total, 'mapping.sumCheck.total'),
      }
    : null;
  if (sumCheck && !allFound([...sumCheck.parts, ...sumCheck.subtract, sumCheck.total])) sumCheck = null;
  const fillDown = mapping.fillDown.map((c, i) => resolve(c, `mapping.fillDown.${i}`).index).filter((i) => i !== -1);
  const fillDownWithin = mapping.fillDownWithin === null ? -1 : resolve(mapping.fillDownWithin, 'mapping.fillDownWithin').index;

  const time = resolveTime(entity, mapping, resolve, issues);

  const columnOfField = new Map<string, string>();
  for (const plan of plans.values()) if (plan.index !== -1) columnOfField.set(plan.field, plan.column);
  const externalId = plans.get('external_id') ?? null;
  const refundOf = plans.get('refund_of') ?? null;
  plans.delete('external_id');
  plans.delete('refund_of');
  const used = unitPrice === mapping.amountIsUnitPrice ? mapping : { ...mapping, amountIsUnitPrice: unitPrice };
  return {
    compiled: { entity, mapping: used, fields: [...plans.values()], externalId, composite, refundOf, sumCheck, fillDown, fillDownWithin, time, columnOfField },
    issues,
  };
}

function resolveTime(
  entity: ImportEntity,
  mapping: Mapping,
  resolve: (name: string, where: string) => ColumnRef,
  issues: FieldIssue[],
): CompiledMapping['time'] {
  const { timeColumn, timeZoneColumn, timeZone } = mapping;
  if (timeColumn === null && timeZoneColumn === null && timeZone === null) return null;
  if (entity !== 'revenues') {
    const field = timeColumn !== null ? 'timeColumn' : timeZoneColumn !== null ? 'timeZoneColumn' : 'timeZone';
    issues.push({ field: `mapping.${field}`, message: `only revenues have a time of day (occurred_at), not ${entity}` });
    return null;
  }
  const column = timeColumn === null ? null : resolve(timeColumn, 'mapping.timeColumn');
  const zoneColumn = timeZoneColumn === null ? null : resolve(timeZoneColumn, 'mapping.timeZoneColumn');
  return { column: column?.index === -1 ? null : column, zoneColumn: zoneColumn?.index === -1 ? null : zoneColumn, zone: timeZone };
}

export function invalidMapping(issues: FieldIssue[]): ApiFailure {
  const text = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return new ApiFailure('validation_error', 'invalid_mapping', `The mapping does not fit this file: ${text}`, { issues });
}

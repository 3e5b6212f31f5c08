import { IMPORT_TARGET_FIELDS, type ImportInspection, type ImportQuestion, type Mapping } from '../../../../shared/contract/import-files';
import type { ImportEntity } from '../../../../shared/contract/imports';

// Pure edits of a mapping, so the wizard's components only say what the user chose.

/** Where a target field's value comes from. */
export type FieldSource = { kind: 'none' } | { kind: 'column'; column: string } | { kind: 'constant'; value: string };

export function fieldSource(mapping: Mapping, field: string): FieldSource {
  if (field in mapping.columns) return { kind: 'column', column: mapping.columns[field] };
  if (field in mapping.constants) return { kind: 'constant', value: mapping.constants[field] };
  return { kind: 'none' };
}

export function withFieldSource(mapping: Mapping, field: string, source: FieldSource): Mapping {
  const columns = { ...mapping.columns };
  const constants = { ...mapping.constants };
  delete columns[field];
  delete constants[field];
  if (source.kind === 'column') columns[field] = source.column;
  if (source.kind === 'constant') constants[field] = source.value;
  return { ...mapping, columns, constants };
}

/** Required fields with neither a column nor a non-empty constant: the file cannot be checked yet. */
export function missingRequiredFields(entity: ImportEntity, mapping: Mapping): string[] {
  return IMPORT_TARGET_FIELDS[entity]
    .filter(({ field, required }) => {
      if (!required) return false;
      const source = fieldSource(mapping, field);
      return source.kind === 'none' || (source.kind === 'constant' && source.value.trim() === '');
    })
    .map(({ label }) => label);
}

/** Sets (or with null, removes) what one value of a column is stored as. */
export function withValueMapped(mapping: Mapping, field: string, fileValue: string, stored: string | null): Mapping {
  const map = { ...(mapping.valueMaps[field] ?? {}) };
  if (stored === null) delete map[fileValue];
  else map[fileValue] = stored;
  const valueMaps = { ...mapping.valueMaps };
  if (Object.keys(map).length === 0) delete valueMaps[field];
  else valueMaps[field] = map;
  return { ...mapping, valueMaps };
}

/** A question is keyed by what it decides; one answer settles it for every column. */
export function questionKey(question: Pick<ImportQuestion, 'kind'>): string {
  return question.kind;
}

const ANSWER_FIELD = {
  number_convention: 'numberConvention',
  date_format: 'dateFormat',
  encoding: 'encoding',
  delimiter: 'delimiter',
} as const satisfies Record<ImportQuestion['kind'], keyof Mapping>;

/** The mapping's current answer to a question, or null while it is still 'auto'. */
export function answerOf(mapping: Mapping, question: Pick<ImportQuestion, 'kind'>): string | null {
  const value = mapping[ANSWER_FIELD[question.kind]];
  return value === 'auto' ? null : value;
}

export function withAnswer(mapping: Mapping, question: Pick<ImportQuestion, 'kind'>, value: string): Mapping {
  // The choices come from the server, which only offers values its schema accepts.
  return { ...mapping, [ANSWER_FIELD[question.kind]]: value } as Mapping;
}

/**
 * The mapping as a profile should keep it: what the file was read with, decided, so a
 * re-import of the same layout never has to detect or ask again.
 */
export function decidedMapping(mapping: Mapping, inspection: ImportInspection): Mapping {
  return {
    ...mapping,
    encoding: mapping.encoding === 'auto' ? (inspection.encoding.value as Mapping['encoding']) : mapping.encoding,
    delimiter: mapping.delimiter === 'auto' ? (inspection.delimiter.value as Mapping['delimiter']) : mapping.delimiter,
  };
}

/** The distinct values of a column in the preview rows, in order of first appearance. */
export function previewValues(inspection: ImportInspection, column: string): string[] {
  const index = inspection.header.indexOf(column);
  if (index < 0) return [];
  const seen = new Set<string>();
  for (const row of inspection.preview) {
    const value = row.cells[index];
    if (value !== undefined && value.trim() !== '') seen.add(value);
  }
  return [...seen];
}

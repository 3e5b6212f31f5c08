import type { ImportInspection, Mapping } from '../../../../../shared/contract/import-files';

// The layout rules as the editor holds them. A rule being set up can be incomplete (a sum
// check without its total yet): such a draft stays in the editor, with the reason, and is
// not part of the mapping, because the server's schema would refuse the whole mapping.
// Each check below mirrors one the contract's mappingSchema makes.

export interface ExternalIdDraft {
  columns: string[];
  linePosition: boolean;
}

export interface FillDownDraft {
  columns: string[];
  within: string | null;
}

export interface SumCheckDraft {
  parts: string[];
  subtract: string[];
  total: string | null;
}

const MAX_JOINED = 5;
const MAX_FILL_DOWN = 50;
const quote = (column: string) => `“${column}”`;

/** Columns are found as the server finds them: as written, else ignoring case and surrounding spaces. */
const normal = (name: string) => name.trim().normalize('NFC').toLowerCase();
export function hasColumn(header: readonly string[], name: string): boolean {
  return header.includes(name) || header.some((h) => normal(h) === normal(name));
}

export const externalIdDraft = (mapping: Mapping): ExternalIdDraft | null =>
  mapping.externalIdFrom ? { columns: [...mapping.externalIdFrom.columns], linePosition: mapping.externalIdFrom.linePosition } : null;
export const fillDownDraft = (mapping: Mapping): FillDownDraft | null =>
  mapping.fillDown.length > 0 ? { columns: [...mapping.fillDown], within: mapping.fillDownWithin } : null;
export const sumCheckDraft = (mapping: Mapping): SumCheckDraft | null =>
  mapping.sumCheck ? { parts: [...mapping.sumCheck.parts], subtract: [...mapping.sumCheck.subtract], total: mapping.sumCheck.total } : null;

export const EMPTY_EXTERNAL_ID: ExternalIdDraft = { columns: [], linePosition: false };
export const EMPTY_FILL_DOWN: FillDownDraft = { columns: [], within: null };
export const EMPTY_SUM_CHECK: SumCheckDraft = { parts: [], subtract: [], total: null };

/** Why the draft cannot be applied yet, or null when it can. */
export function externalIdProblem(draft: ExternalIdDraft): string | null {
  if (draft.columns.length === 0) return 'Choose the columns the external ID is built from.';
  if (draft.columns.length > MAX_JOINED) return `Join at most ${MAX_JOINED} columns.`;
  return null;
}

export function fillDownProblem(draft: FillDownDraft): string | null {
  if (draft.columns.length === 0) return 'Choose the columns whose empty cells take the value of the row above.';
  if (draft.columns.length > MAX_FILL_DOWN) return `Carry down at most ${MAX_FILL_DOWN} columns.`;
  return null;
}

export function sumCheckProblem(draft: SumCheckDraft): string | null {
  if (draft.parts.length === 0) return 'Choose at least one column to add.';
  if (draft.parts.length > MAX_JOINED || draft.subtract.length > MAX_JOINED) return `Add at most ${MAX_JOINED} columns and subtract at most ${MAX_JOINED}.`;
  if (draft.parts.length + draft.subtract.length < 2) return 'A sum check needs at least two columns besides the total (e.g. gross − fee).';
  if (draft.total === null) return 'Choose the column that holds the total.';
  const twice = [...draft.parts, ...draft.subtract].find((c, i, all) => all.indexOf(c) !== i || c === draft.total);
  if (twice !== undefined) return `${quote(twice)} can play only one part: added, subtracted or the total.`;
  return null;
}

/** A column built external_id replaces a column or constant for it: the server refuses both at once. */
export function withExternalId(mapping: Mapping, draft: ExternalIdDraft | null): Mapping {
  if (!draft) return { ...mapping, externalIdFrom: null };
  const columns = { ...mapping.columns };
  const constants = { ...mapping.constants };
  delete columns.external_id;
  delete constants.external_id;
  return { ...mapping, columns, constants, externalIdFrom: { columns: draft.columns, linePosition: draft.linePosition } };
}

export function withFillDown(mapping: Mapping, draft: FillDownDraft | null): Mapping {
  return draft ? { ...mapping, fillDown: draft.columns, fillDownWithin: draft.within } : { ...mapping, fillDown: [], fillDownWithin: null };
}

export function withSumCheck(mapping: Mapping, draft: SumCheckDraft | null): Mapping {
  return { ...mapping, sumCheck: draft && draft.total !== null ? { parts: draft.parts, subtract: draft.subtract, total: draft.total } : null };
}

/** Adds or removes a column, keeping the file's order (order does not matter to these lists). */
export function toggled(list: readonly string[], column: string, on: boolean, header: readonly string[]): string[] {
  const rest = list.filter((c) => c !== column);
  if (!on) return rest;
  const next = [...rest, column];
  const at = (c: string) => (header.indexOf(c) === -1 ? Number.MAX_SAFE_INTEGER : header.indexOf(c));
  return next.sort((a, b) => at(a) - at(b));
}

/** The server's messages about a rule (a column this file lacks, quantity not mapped), from the latest preview. */
export function ruleIssues(inspection: ImportInspection, mapping: Mapping, prefix: string): string[] {
  return (inspection.mappingIssues ?? [])
    .filter((issue) => issue.field.startsWith(prefix) || (prefix === 'mapping.amountIsUnitPrice' && mapping.amountIsUnitPrice && issue.field === 'mapping.columns.quantity'))
    .map((issue) => issue.message);
}

export function sumCheckFormula(check: { parts: readonly string[]; subtract: readonly string[]; total: string | null }): string {
  const left = [check.parts.map(quote).join(' + '), ...check.subtract.map(quote)].filter((s) => s !== '').join(' − ');
  return `${left || '…'} = ${check.total === null ? '…' : quote(check.total)}`;
}

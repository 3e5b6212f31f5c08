import { stat } from 'node:fs/promises';
import type { ImportInspection, ImportQuestion, Mapping } from '../../../shared/contract/import-files';
import type { ImportEntity } from '../../../shared/contract/imports';
import type { Database } from '../../db/driver';
import { fieldKind } from '../mapping/field-kinds';
import { dateQuestion, encodingQuestion, numberQuestion } from '../mapping/format-questions';
import { displayRecord, type RowMapper } from '../mapping/row-mapper';
import { encodingExamples, type CsvFile, type CsvRow } from '../parse';
import { checkPreviewRecord } from './preview-check';
import { importFailure } from './import-failure';
import { openImportFile, type ImportFileInput } from './open-import-file';
import { displayNameOf } from './staged-uploads';
import { OrgClock } from './org-clock';

const DELIMITER_LABELS: Record<string, string> = { ',': 'Comma (,)', ';': 'Semicolon (;)', '\t': 'Tab', '|': 'Pipe (|)' };

function delimiterQuestion(csv: CsvFile): ImportQuestion | null {
  const { dialect } = csv.info;
  if (dialect.source !== 'detected' || dialect.alternatives.length === 0) return null;
  return {
    kind: 'delimiter',
    column: null,
    message: `The first rows split into the same columns with more than one delimiter (${dialect.reason}). Which one separates the columns?`,
    choices: [dialect.delimiter, ...dialect.alternatives].map((d) => ({ value: d, label: DELIMITER_LABELS[d] ?? d, examples: [] })),
  };
}

/** Asked only when the encoding was detected as Windows-1252; the header row is searched too. */
function encodingQuestionOf(csv: CsvFile, sample: CsvRow[]): ImportQuestion | null {
  const { encoding, header } = csv.info;
  if (encoding.source !== 'detected' || encoding.encoding !== 'windows-1252') return null;
  const rows = header ? [{ rowNumber: 1, cells: header.raw }, ...sample] : sample;
  return encodingQuestion(encoding, encodingExamples(rows), header?.names ?? []);
}

/** The mapping as used, with what the file decided filled in, so saving it as a profile stores decided values. */
function decidedMapping(mapping: Mapping, csv: CsvFile, mapper: RowMapper, questions: ImportQuestion[]): Mapping {
  const { amounts, dates } = mapper;
  // An encoding still asked about stays 'auto', or the wizard would show it answered.
  const encodingOpen = questions.some((q) => q.kind === 'encoding');
  return {
    ...mapping,
    encoding: mapping.encoding === 'auto' && !encodingOpen ? csv.info.encoding.encoding : mapping.encoding,
    delimiter: mapping.delimiter === 'auto' && csv.info.dialect.alternatives.length === 0 ? csv.info.dialect.delimiter : mapping.delimiter,
    numberConvention: mapping.numberConvention === 'auto' && !amounts.conflicting && amounts.convention !== null ? amounts.convention : mapping.numberConvention,
    dateFormat: mapping.dateFormat === 'auto' && !dates.conflicting && dates.order !== null ? dates.order : mapping.dateFormat,
  };
}

/**
 * What the wizard shows before anything is checked against the workspace: how the file
 * reads (encoding, delimiter, header), the mapping (chosen, matched by header or guessed),
 * every question the first rows leave open, and the first rows as they would be stored.
 */
export async function inspectFile(db: Database.Database, input: ImportFileInput & { orgId: string; previewRows: number }): Promise<ImportInspection> {
  const name = displayNameOf(input.path);
  let opened;
  try {
    opened = await openImportFile(db, input, { lenient: true });
  } catch (error) {
    throw importFailure(error, name);
  }
  try {
    const { csv, mapper, sample } = opened;
    // The encoding first: how every other question's text reads depends on it.
    const questions = [encodingQuestionOf(csv, sample), delimiterQuestion(csv), numberQuestion(mapper.amounts), dateQuestion(mapper.dates)].filter(
      (q): q is ImportQuestion => q !== null,
    );
    const amountFields = amountFieldsOf(input.entity, opened.mapping);
    const clock = new OrgClock(db, input.orgId, mapper.compiled.columnOfField.get('occurred_at') ?? 'occurred_at');
    const preview = sample.slice(0, input.previewRows).map(({ rowNumber, cells }) => {
      const shown = [...cells];
      const record = mapper.map(cells);
      if (record === null) {
        const { column, message } = mapper.failure!;
        return { rowNumber, cells: shown, record: null, problem: { rowNumber, column, message } };
      }
      clock.storedForm(record);
      const problem = checkPreviewRecord(input.entity, record, mapper.compiled.columnOfField);
      return { rowNumber, cells: shown, record: displayRecord(record, amountFields), problem: problem && { rowNumber, ...problem } };
    });
    const size = csv.info.totalBytes ?? (await stat(input.path)).size;
    return {
      file: { name, size },
      encoding: { value: csv.info.encoding.encoding, detected: csv.info.encoding.source !== 'chosen', reason: csv.info.encoding.reason },
      delimiter: { value: csv.info.dialect.delimiter, detected: csv.info.dialect.source !== 'chosen', reason: csv.info.dialect.reason },
      header: opened.header,
      profile: opened.profile,
      mappingSource: opened.mappingSource,
      mapping: decidedMapping(opened.mapping, csv, mapper, questions),
      mappingIssues: opened.mappingIssues,
      questions,
      notes: clock.notes(),
      preview,
    };
  } finally {
    await opened.close();
  }
}

function amountFieldsOf(entity: ImportEntity, mapping: Mapping): Set<string> {
  const fields = [...Object.keys(mapping.columns), ...Object.keys(mapping.constants)];
  return new Set(fields.filter((f) => fieldKind(entity, f) === 'money' || fieldKind(entity, f) === 'percent'));
}

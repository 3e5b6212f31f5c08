import type { ImportEntity } from '../../../shared/contract/imports';
import type { ImportInspection, Mapping } from '../../../shared/contract/import-files';
import type { FieldIssue } from '../../../shared/errors';
import { ApiFailure } from '../../api/failure';
import type { Database } from '../../db/driver';
import { compileMapping, resolveMapping } from '../mapping/compile-mapping';
import { guessMapping } from '../mapping/guess-mapping';
import { RowMapper } from '../mapping/row-mapper';
import type { CsvDelimiter, CsvEncoding } from '../../../shared/contract/file-format';
import { openCsv, type CsvFile, type CsvProgress, type CsvReadSummary, type CsvRow } from '../parse';
import { getProfile, profileForHeader } from '../profiles/profile-store';

export interface ImportFileInput {
  entity: ImportEntity;
  path: string;
  profile: string | null;
  mapping: Mapping | null;
}

/** A file opened for import: its mapping resolved and checked, the first rows read and learnt from. */
export interface OpenedImportFile {
  csv: CsvFile;
  header: string[];
  mapping: Mapping;
  profile: string | null;
  mappingSource: ImportInspection['mappingSource'];
  mapper: RowMapper;
  /** With `lenient`: what in the mapping does not fit the file (left out of the mapper). */
  mappingIssues: FieldIssue[];
  /** The first batch of rows; the number convention and date order were learnt from them. */
  sample: CsvRow[];
  /** The encoding and delimiter the file was opened with ('auto': detected), to read it again the same way. */
  readWith: { encoding: CsvEncoding | 'auto'; delimiter: CsvDelimiter | 'auto' };
  /** The batches after the sample. */
  rest: AsyncGenerator<CsvRow[], CsvReadSummary>;
  /** Stop reading and close the file (also after an error). */
  close(): Promise<void>;
}

interface OpenOptions {
  /** For the wizard: a mapping that does not fit is used as far as it does, its issues listed, instead of refused. */
  lenient?: boolean;
  signal?: { readonly aborted: boolean };
  onProgress?: (progress: CsvProgress) => void;
}

/** The caller's mapping, else the named profile's, else null (found by header once the file is open). */
function chosenMapping(db: Database.Database, input: ImportFileInput): { mapping: Mapping; source: 'input' | 'profile'; profile: string | null } | null {
  const named = input.profile === null ? null : getProfile(db, input.profile).profile;
  if (named && named.entity !== input.entity) {
    throw new ApiFailure('validation_error', 'profile_entity_mismatch', `The profile "${named.name}" reads ${named.entity}, not ${input.entity}.`, {
      issues: [{ field: 'profile', message: `is a ${named.entity} profile` }],
    });
  }
  // The profile's own spelling of its name is what the batch records.
  if (input.mapping) return { mapping: input.mapping, source: 'input', profile: named?.name ?? null };
  return named ? { mapping: named.mapping, source: 'profile', profile: named.name } : null;
}

/**
 * Open a file for inspection or import: read it with the chosen mapping's encoding and
 * delimiter (or detect them), match a profile by header when none was chosen (else guess
 * from the column names), check the mapping against the header, and read the first batch
 * of rows so the mapper learns what the file's amounts and dates look like.
 */
export async function openImportFile(db: Database.Database, input: ImportFileInput, options: OpenOptions = {}): Promise<OpenedImportFile> {
  const chosen = chosenMapping(db, input);
  let readWith: OpenedImportFile['readWith'] = { encoding: 'auto', delimiter: 'auto' };
  const read = (mapping: Mapping | null) => {
    readWith = { encoding: mapping?.encoding ?? 'auto', delimiter: mapping?.delimiter ?? 'auto' };
    return openCsv(input.path, { ...readWith, signal: options.signal, onProgress: options.onProgress });
  };
  let csv = await read(chosen?.mapping ?? null);
  let mapping: Mapping;
  let source: ImportInspection['mappingSource'];
  let profile: string | null = null;
  try {
    if (chosen) {
      mapping = chosen.mapping;
      source = chosen.source;
      profile = chosen.profile;
    } else {
      const matched = profileForHeader(db, input.entity, csv.info.header!.names);
      if (matched) {
        mapping = matched.profile.mapping;
        source = 'header';
        profile = matched.profile.name;
        if (differsFrom(mapping, csv)) {
          await csv.close();
          csv = await read(mapping);
        }
      } else {
        mapping = guessMapping(input.entity, csv.info.header!.names);
        source = 'guess';
      }
    }
  } catch (error) {
    await csv.close();
    throw error;
  }
  const header = csv.info.header!.names;
  let mapper: RowMapper;
  let mappingIssues: FieldIssue[] = [];
  try {
    if (options.lenient) {
      const resolved = resolveMapping(input.entity, mapping, header);
      mapper = new RowMapper(resolved.compiled);
      mappingIssues = resolved.issues;
    } else {
      mapper = new RowMapper(compileMapping(input.entity, mapping, header));
    }
  } catch (error) {
    await csv.close();
    throw error;
  }
  const rest = csv.batches();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    // Ending the generator early closes the file (see CsvFile.batches).
    await rest.return(undefined as never);
    await csv.close();
  };
  let sample: CsvRow[];
  try {
    const first = await rest.next();
    sample = first.done ? [] : first.value;
  } catch (error) {
    await close();
    throw error;
  }
  mapper.observe(sample);
  return { csv, header, mapping, profile, mappingSource: source, mapper, mappingIssues, sample, readWith, rest, close };
}

/** A profile read its file with another encoding or delimiter than detected: read it again with the profile's. */
function differsFrom(mapping: Mapping, csv: CsvFile): boolean {
  const encoding = mapping.encoding !== 'auto' && mapping.encoding !== csv.info.encoding.encoding;
  const delimiter = mapping.delimiter !== 'auto' && mapping.delimiter !== csv.info.dialect.delimiter;
  return encoding || delimiter;
}

import type { ImportOperation, OnError, OutcomeCounts } from '../../../shared/contract/imports';
import type { ImportCheck, ImportCommitResult } from '../../../shared/contract/import-files';
import type { CallContext } from '../../api/context';
import type { Database } from '../../db/driver';
import { dateQuestion, numberQuestion, undecidedFormat } from '../mapping/format-questions';
import type { RowMapper } from '../mapping/row-mapper';
import { startImportBatch, type ImportBatch } from '../records/import-batch';
import { findSameFileShortcut, mappingFingerprint } from '../records/same-file-shortcut';
import { assertUnchanged, fingerprintFile } from './file-fingerprint';
import { FileRowWriter } from './file-row-writer';
import { cancelled, importFailure } from './import-failure';
import { ImportProgress } from './import-progress';
import { openImportFile, type ImportFileInput, type OpenedImportFile } from './open-import-file';
import { displayNameOf } from './staged-uploads';
import { PARSE_WORKER_LIMITS, startParseWorker, type ParseWorkerRun } from '../parse-worker/parse-worker';

export interface FileImportInput extends ImportFileInput {
  orgId: string;
  operation: ImportOperation;
  onError: OnError;
}

type Context = Pick<CallContext, 'progress' | 'signal'>;

/** 'auto' formats the first rows leave open: refused before anything is written. */
function refuseUndecided(mapper: RowMapper): void {
  const questions = [numberQuestion(mapper.amounts), dateQuestion(mapper.dates)].filter((q) => q !== null);
  if (questions.length > 0) throw undecidedFormat(questions);
}

/**
 * Import a file as one batch: hash it, open it, map and write it batch by batch inside the
 * batch's one transaction (or, for a file an earlier batch wholly created with the same
 * mapping, record its rows as that batch's duplicates without reading them again), and
 * check it was not changed meanwhile. commit: COMMIT (or, with
 * onError reject and a refused row, roll back and record the rejection). check: everything
 * the same, then ROLLBACK, so the counts are exactly what a commit would do now.
 * Any failure or a cancel rolls back: the workspace is left as it was.
 */
async function runFileImport<T>(
  db: Database.Database,
  input: FileImportInput,
  ctx: Context,
  mode: 'check' | 'commit',
  finish: (batch: ImportBatch, writer: FileRowWriter) => T,
): Promise<T> {
  const fileName = displayNameOf(input.path);
  let opened: OpenedImportFile | undefined;
  let batch: ImportBatch | undefined;
  let parse: ParseWorkerRun | undefined;
  try {
    const fingerprint = await fingerprintFile(input.path, ctx.signal);
    const progress = new ImportProgress(`imports.${mode}`, fingerprint.size, ctx.progress);
    opened = await openImportFile(db, input, { signal: ctx.signal, onProgress: (p) => progress.read(p.bytesRead) });
    refuseUndecided(opened.mapper);
    if (ctx.signal.aborted) throw cancelled();
    const mappingSha256 = mappingFingerprint(input.entity, opened.mapping);
    batch = startImportBatch(db, {
      orgId: input.orgId,
      entity: input.entity,
      source: 'file',
      operation: input.operation,
      fileName,
      fileSize: fingerprint.size,
      sha256: fingerprint.sha256,
      profile: opened.profile,
      mappingSha256,
      columnOfField: opened.mapper.compiled.columnOfField,
    });
    const writer = new FileRowWriter(batch, opened.mapper);
    const shortcut = findSameFileShortcut(db, { orgId: input.orgId, entity: input.entity, operation: input.operation, sha256: fingerprint.sha256, mappingSha256 });
    if (shortcut) {
      batch.skipSameFile(shortcut);
      writer.rows = shortcut.rows;
    } else if (fingerprint.size >= PARSE_WORKER_LIMITS.minBytes) {
      // A large file is read and mapped on the parse worker, from its start; this thread only checks and writes.
      await opened.close();
      parse = startParseWorker({ path: input.path, ...opened.readWith, entity: input.entity, mapping: opened.mapping, header: opened.header });
      for await (const { rows, bytesRead } of parse.batches()) {
        if (ctx.signal.aborted) throw cancelled();
        progress.read(bytesRead);
        writer.writeMapped(rows);
        progress.rows(writer.rows);
      }
    } else {
      writer.write(opened.sample);
      progress.rows(writer.rows);
      for await (const rows of opened.rest) {
        if (ctx.signal.aborted) throw cancelled();
        writer.write(rows);
        progress.rows(writer.rows);
      }
    }
    await assertUnchanged(input.path, fingerprint);
    if (ctx.signal.aborted) throw cancelled();
    progress.rows(writer.rows, true);
    return finish(batch, writer);
  } catch (error) {
    batch?.abort();
    throw importFailure(error, fileName);
  } finally {
    await parse?.close();
    await opened?.close();
  }
}

export function commitFile(db: Database.Database, input: FileImportInput, ctx: Context): Promise<ImportCommitResult> {
  return runFileImport(db, input, ctx, 'commit', (batch, writer) => {
    const summary = batch.finish({ onError: input.onError });
    return {
      batchId: summary.batchId,
      status: summary.status,
      totalRows: summary.totalRows,
      counts: summary.counts,
      sameRecordRows: summary.sameRecord,
      rowsWritten: summary.rowsWritten,
      amountWritten: summary.amountWritten,
      sameFileBatchId: summary.sameFileBatchId,
      problems: writer.problems,
    };
  });
}

export function checkFile(db: Database.Database, input: FileImportInput, ctx: Context): Promise<ImportCheck> {
  return runFileImport(db, input, ctx, 'check', (batch, writer) => {
    // An empty write returns the batch's running totals, the refused rows included: what a commit now would write.
    const totals = batch.write([]);
    batch.abort();
    const counts: OutcomeCounts = totals.counts;
    let totalRows = 0;
    for (const n of Object.values(counts)) totalRows += n;
    return {
      totalRows,
      counts,
      sameRecordRows: totals.sameRecord,
      problems: writer.problems,
      rowsToWrite: totals.rowsWritten,
      amountToWrite: totals.amountWritten,
      sameFileBatchId: batch.sameFileBatchId,
    };
  });
}

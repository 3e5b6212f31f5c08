import { ApiFailure } from '../../api/failure';
import { CsvParseError } from '../parse';

/** The import was stopped by its caller. */
export function cancelled(): ApiFailure {
  return new ApiFailure('conflict', 'cancelled', 'The import was cancelled; nothing was written and the workspace is as it was.');
}

/**
 * Expected failures of a file import as API errors, each saying that nothing was written
 * (the import's one transaction was rolled back): file problems keep the reader's code and
 * row, a full disk says so. Anything else is returned as is, to be logged as internal.
 */
export function importFailure(error: unknown, fileName: string): unknown {
  if (error instanceof ApiFailure) return error;
  if (error instanceof CsvParseError) {
    if (error.code === 'cancelled') return cancelled();
    const type = error.code === 'file_changed' ? 'conflict' : 'validation_error';
    const detail = { ...error.toJSON(), file: fileName };
    return new ApiFailure(type, error.code, `${fileName} cannot be imported: ${error.message} Nothing was imported.`, detail);
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL') {
    return new ApiFailure(
      'internal_error',
      'disk_full',
      `The disk holding the workspace is full: the import of ${fileName} was rolled back and the workspace is as it was. Free some disk space and import the file again.`,
      { file: fileName },
    );
  }
  return error;
}

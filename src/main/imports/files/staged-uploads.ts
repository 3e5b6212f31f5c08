import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiFailure } from '../../api/failure';

// A browser's upload is staged under a random name (see the HTTP transport). The name the
// user picked is remembered here, by staged path, so the batch records "october.csv"
// rather than a hex string. Lives as long as the core; staged files do not outlive it.

const names = new Map<string, string>();
const MAX_REMEMBERED = 1000;

export function stageUpload(path: string, name: string): { path: string; name: string; size: number } {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new Error('not a file');
    size = stats.size;
  } catch (error) {
    throw new ApiFailure('validation_error', 'upload_missing', `The uploaded file is not there (${(error as Error).message}); upload it again.`);
  }
  const clean = basename(name.replace(/\\/g, '/')).trim() || 'upload.csv';
  if (names.size >= MAX_REMEMBERED) names.delete(names.keys().next().value!);
  names.set(path, clean);
  return { path, name: clean, size };
}

/** The name to show and record for a file: the uploaded name for a staged file, else the path's last part. */
export function displayNameOf(path: string): string {
  return names.get(path) ?? basename(path);
}

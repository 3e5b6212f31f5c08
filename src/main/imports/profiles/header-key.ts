// A file's header as a profile recognises it: column names trimmed, NFC, lowercase,
// so "Amount " and "amount" are the same column (as the CSV reader's duplicate check
// already treats them). Order does not matter: a mapping reads columns by name.

const SURROUNDING_SPACE = /^[\s\u200B\uFEFF]+|[\s\u200B\uFEFF]+$/g;

export function normalizeColumn(name: string): string {
  return name.replace(SURROUNDING_SPACE, '').normalize('NFC').toLowerCase();
}

/** The stored key of a header: its normalized names, sorted, one per line. */
export function headerKey(names: readonly string[]): string {
  return [...new Set(names.map(normalizeColumn))].sort().join('\n');
}

/** Does a file with `fileNames` have every column of `profileNames`? */
export function headerContains(fileNames: readonly string[], profileNames: readonly string[]): boolean {
  const present = new Set(fileNames.map(normalizeColumn));
  return profileNames.every((name) => present.has(normalizeColumn(name)));
}

import type { Migration } from './types';

// The mapping a file batch read its file with (SHA-256 of its canonical JSON). The same
// bytes read with the same mapping give the same records, so a re-import of a file whose
// every row an earlier batch created, and whose records are all still there, can be
// answered from that batch without reading the rows again (see same-file-shortcut.ts).
export const batchMappingFingerprint: Migration = {
  id: 9,
  name: 'batch-mapping-fingerprint',
  sql: `ALTER TABLE import_batches ADD COLUMN mapping_sha256 TEXT
          CHECK (mapping_sha256 IS NULL OR (length(mapping_sha256) = 64 AND mapping_sha256 NOT GLOB '*[^0-9a-f]*'));`,
};

import type { SameRecordRows } from '../../../../shared/contract/import-files';
import { formatCount, rowsLabel } from '../format-import';

/**
 * Rows naming a record an earlier row of the file names: said before anything is written
 * (and after), since a file holding one record twice is worth a look even when the
 * repeats are identical. The rows themselves are in the problems list.
 */
export function SameRecordNotice({ rows, phase }: { rows: SameRecordRows; phase: 'check' | 'commit' }) {
  const total = rows.identical + rows.different;
  if (total === 0) return null;
  const parts = [
    rows.identical > 0 && `${formatCount(rows.identical)} with the same values (${phase === 'check' ? 'to be skipped' : 'skipped'} as duplicates)`,
    rows.different > 0 && `${formatCount(rows.different)} with other values (errors: a record is written once per file)`,
  ].filter(Boolean);
  return (
    <p className="notice notice-info" role="status" data-testid="import-same-record" data-identical={rows.identical} data-different={rows.different}>
      {rowsLabel(total)} {total === 1 ? 'names' : 'name'} the same record as an earlier row of the file: {parts.join('; ')}. Each is listed below with the row it repeats.
    </p>
  );
}

import { hasColumn } from './rule-edit';

interface ColumnChecklistProps {
  legend: string;
  testId: string;
  header: readonly string[];
  checked: readonly string[];
  /** Columns playing another part: shown, not choosable, with why. */
  unavailable?: ReadonlyMap<string, string>;
  onChange: (column: string, on: boolean) => void;
}

/**
 * The file's columns as checkboxes. A chosen column the file lacks (from a profile made for
 * another export) is listed too, marked, so it can be taken out.
 */
export function ColumnChecklist({ legend, testId, header, checked, unavailable, onChange }: ColumnChecklistProps) {
  const missing = checked.filter((column) => !hasColumn(header, column));
  return (
    <fieldset className="column-checklist" data-testid={testId}>
      <legend className="field-label">{legend}</legend>
      <div className="column-checks">
        {[...header, ...missing].map((column, index) => {
          const why = unavailable?.get(column);
          const absent = index >= header.length;
          return (
            <label key={`${index}:${column}`} className={absent ? 'column-check column-check-missing' : 'column-check'} title={why ?? (absent ? 'The file has no such column' : undefined)}>
              <input type="checkbox" checked={checked.includes(column)} disabled={!!why && !checked.includes(column)} onChange={(event) => onChange(column, event.target.checked)} />
              <span>{column}</span>
              {absent && <span className="visually-hidden"> (not in this file)</span>}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

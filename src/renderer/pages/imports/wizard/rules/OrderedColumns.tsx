import { hasColumn } from './rule-edit';

interface OrderedColumnsProps {
  label: string;
  testId: string;
  header: readonly string[];
  columns: readonly string[];
  max: number;
  onChange: (columns: string[]) => void;
}

/** Columns in a chosen order (an external ID joins them in this order): add, move, remove. */
export function OrderedColumns({ label, testId, header, columns, max, onChange }: OrderedColumnsProps) {
  const move = (from: number, to: number) => {
    const next = [...columns];
    next.splice(to, 0, ...next.splice(from, 1));
    onChange(next);
  };
  const addable = header.filter((column) => !columns.includes(column));
  return (
    <div className="ordered-columns" data-testid={testId}>
      <span className="field-label">{label}</span>
      <ol className="ordered-column-list">
        {columns.map((column, index) => (
          <li key={column} className={hasColumn(header, column) ? 'ordered-column' : 'ordered-column column-check-missing'} data-column={column}>
            <span className="ordered-column-name" title={hasColumn(header, column) ? undefined : 'The file has no such column'}>
              {column}
            </span>
            <button type="button" className="button button-quiet button-small" onClick={() => move(index, index - 1)} disabled={index === 0} aria-label={`Move ${column} earlier`}>
              ↑
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => move(index, index + 1)}
              disabled={index === columns.length - 1}
              aria-label={`Move ${column} later`}
            >
              ↓
            </button>
            <button type="button" className="button button-quiet button-small" onClick={() => onChange(columns.filter((c) => c !== column))} aria-label={`Remove ${column}`}>
              ✕
            </button>
          </li>
        ))}
      </ol>
      {columns.length < max && (
        <select
          className="select"
          value=""
          aria-label={`${label}: add a column`}
          data-testid={`${testId}-add`}
          onChange={(event) => event.target.value && onChange([...columns, event.target.value])}
        >
          <option value="">{columns.length === 0 ? 'Choose a column…' : 'Add a column…'}</option>
          {addable.map((column) => (
            <option key={column} value={column}>
              {column}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

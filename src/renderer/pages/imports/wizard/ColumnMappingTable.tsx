import { IMPORT_TARGET_FIELDS, type ImportInspection, type Mapping } from '../../../../shared/contract/import-files';
import type { ImportEntity } from '../../../../shared/contract/imports';
import { REVENUE_KINDS } from '../../../../shared/contract/revenues';
import { fieldSource, withFieldSource, type FieldSource } from './mapping-edit';

interface ColumnMappingTableProps {
  entity: ImportEntity;
  inspection: ImportInspection;
  mapping: Mapping;
  onMapping: (mapping: Mapping) => void;
}

const CONSTANT = 'constant';
/** external_id built from several columns (mapping.externalIdFrom, see MappingRules). */
const COMPOSITE = 'composite';
const COLUMN_PREFIX = 'column:';

/** Fields whose fixed value is one of a few codes: offered as a list, not typed. */
const CONSTANT_CHOICES: Record<string, readonly string[]> = { kind: REVENUE_KINDS };

function selectValue(source: FieldSource): string {
  if (source.kind === 'column') return COLUMN_PREFIX + source.column;
  return source.kind === 'constant' ? CONSTANT : '';
}

function sourceOf(value: string, previous: FieldSource): FieldSource {
  if (value.startsWith(COLUMN_PREFIX)) return { kind: 'column', column: value.slice(COLUMN_PREFIX.length) };
  if (value === CONSTANT) return { kind: 'constant', value: previous.kind === 'constant' ? previous.value : '' };
  return { kind: 'none' };
}

/** Step 2's core: for each field a record can hold, the file column (or fixed value) that feeds it. */
export function ColumnMappingTable({ entity, inspection, mapping, onMapping }: ColumnMappingTableProps) {
  // The first previewed row that became a record shows what each field will hold.
  const example = inspection.preview.find((row) => row.record !== null)?.record ?? null;
  return (
    <table className="mapping-table" data-testid="import-mapping">
      <caption className="visually-hidden">Columns of the file mapped to fields</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Comes from</th>
          <th scope="col">First row, as stored</th>
        </tr>
      </thead>
      <tbody>
        {IMPORT_TARGET_FIELDS[entity].map(({ field, label, required }) => {
          const source = fieldSource(mapping, field);
          const selectId = `map-${field}`;
          const missing = required && (source.kind === 'none' || (source.kind === 'constant' && source.value.trim() === ''));
          const stored = example?.[field];
          const composite = field === 'external_id' && mapping.externalIdFrom !== null && mapping.externalIdFrom !== undefined;
          return (
            <tr key={field} className={missing ? 'mapping-missing' : undefined}>
              <th scope="row">
                <label htmlFor={selectId}>
                  {label}
                  {required && (
                    <span className="required-mark" title="Required">
                      {' '}
                      *<span className="visually-hidden"> (required)</span>
                    </span>
                  )}
                </label>
              </th>
              <td>
                <div className="mapping-source">
                  <select
                    id={selectId}
                    className="select"
                    data-testid={selectId}
                    value={composite ? COMPOSITE : selectValue(source)}
                    aria-invalid={missing || undefined}
                    onChange={(event) => {
                      if (event.target.value === COMPOSITE) return;
                      // A column for external_id replaces the built one: the two do not go together.
                      const base = composite ? { ...mapping, externalIdFrom: null } : mapping;
                      onMapping(withFieldSource(base, field, sourceOf(event.target.value, source)));
                    }}
                  >
                    {composite && <option value={COMPOSITE}>Built from {mapping.externalIdFrom!.columns.join(' : ')}</option>}
                    <option value="">{required ? '— Choose a column —' : '— Not imported —'}</option>
                    <optgroup label="Columns of the file">
                      {inspection.header.map((column, index) => (
                        <option key={index} value={COLUMN_PREFIX + column}>
                          {column}
                        </option>
                      ))}
                    </optgroup>
                    <option value={CONSTANT}>The same value for every row…</option>
                  </select>
                  {source.kind === 'constant' && (
                    <ConstantInput field={field} label={label} value={source.value} onChange={(value) => onMapping(withFieldSource(mapping, field, { kind: 'constant', value }))} />
                  )}
                </div>
              </td>
              <td className="mapping-example" data-testid={`stored-${field}`}>
                {stored == null ? <span className="muted">—</span> : stored}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ConstantInput({ field, label, value, onChange }: { field: string; label: string; value: string; onChange: (value: string) => void }) {
  const choices = CONSTANT_CHOICES[field];
  const id = `const-${field}`;
  if (choices) {
    return (
      <select id={id} className="select" data-testid={id} aria-label={`Value of ${label} for every row`} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">— Choose —</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      id={id}
      className="input"
      data-testid={id}
      aria-label={`Value of ${label} for every row`}
      value={value}
      maxLength={200}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

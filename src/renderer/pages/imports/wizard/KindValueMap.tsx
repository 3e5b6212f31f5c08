import type { ImportInspection, Mapping } from '../../../../shared/contract/import-files';
import { REVENUE_KINDS } from '../../../../shared/contract/revenues';
import { fieldSource, previewValues, withValueMapped } from './mapping-edit';

interface KindValueMapProps {
  inspection: ImportInspection;
  mapping: Mapping;
  onMapping: (mapping: Mapping) => void;
}

const FIELD = 'kind';
const KEEP = '';

/**
 * Files name kinds their own way ("charge", "credit note"): each value seen in the
 * column is mapped to sale, refund or adjustment. Shown only when some value needs it.
 */
export function KindValueMap({ inspection, mapping, onMapping }: KindValueMapProps) {
  const source = fieldSource(mapping, FIELD);
  if (source.kind !== 'column') return null;
  const mapped = mapping.valueMaps[FIELD] ?? {};
  const values = [...new Set([...previewValues(inspection, source.column), ...Object.keys(mapped)])];
  const needsMapping = values.some((value) => !(REVENUE_KINDS as readonly string[]).includes(value.trim().toLowerCase()));
  if (!needsMapping && Object.keys(mapped).length === 0) return null;

  return (
    <section className="wizard-section" aria-labelledby="kind-map-title" data-testid="kind-value-map">
      <h3 className="wizard-section-title" id="kind-map-title">
        Kinds in column “{source.column}”
      </h3>
      <p className="muted">Values seen in the first rows. A value left as is must already be sale, refund or adjustment.</p>
      <table className="mapping-table value-map-table">
        <thead>
          <tr>
            <th scope="col">In the file</th>
            <th scope="col">Stored as</th>
          </tr>
        </thead>
        <tbody>
          {values.map((value, index) => {
            const id = `kind-map-${index}`;
            return (
              <tr key={value}>
                <th scope="row">
                  <label htmlFor={id}>
                    <code>{value}</code>
                  </label>
                </th>
                <td>
                  <select
                    id={id}
                    className="select"
                    data-testid={`kind-map-${value}`}
                    value={mapped[value] ?? KEEP}
                    onChange={(event) => onMapping(withValueMapped(mapping, FIELD, value, event.target.value === KEEP ? null : event.target.value))}
                  >
                    <option value={KEEP}>Keep as is</option>
                    {REVENUE_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {kind}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

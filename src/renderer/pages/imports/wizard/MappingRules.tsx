import type { ReactNode } from 'react';
import type { Mapping } from '../../../../shared/contract/import-files';

interface MappingRulesProps {
  mapping: Mapping;
  onMapping: (mapping: Mapping) => void;
}

const quoted = (columns: readonly string[]) => columns.map((c) => `“${c}”`).join(', ');

/**
 * The rules a profile can carry beyond column-to-field (built-in layouts use them): shown
 * so the preview's values can be explained, and removable for this import.
 */
export function MappingRules({ mapping, onMapping }: MappingRulesProps) {
  const rules: Array<{ id: string; text: ReactNode; remove: () => Mapping }> = [];
  if (mapping.externalIdFrom) {
    const { columns, linePosition } = mapping.externalIdFrom;
    rules.push({
      id: 'externalIdFrom',
      text: (
        <>
          The external ID is built from {quoted(columns)}, joined with “:”{linePosition ? `, and the row's position among rows with the same ${quoted(columns.slice(0, 1))}` : ''}.
        </>
      ),
      remove: () => ({ ...mapping, externalIdFrom: null }),
    });
  }
  if (mapping.fillDown.length > 0) {
    rules.push({
      id: 'fillDown',
      text: (
        <>
          Empty cells of {quoted(mapping.fillDown)} take the value of the row above
          {mapping.fillDownWithin ? `, within rows with the same ${quoted([mapping.fillDownWithin])}` : ''}.
        </>
      ),
      remove: () => ({ ...mapping, fillDown: [], fillDownWithin: null }),
    });
  }
  if (mapping.amountIsUnitPrice) {
    rules.push({ id: 'amountIsUnitPrice', text: 'The amount column is a unit price: the stored amount is price × quantity.', remove: () => ({ ...mapping, amountIsUnitPrice: false }) });
  }
  if (mapping.sumCheck) {
    const { parts, subtract, total } = mapping.sumCheck;
    const formula = [parts.map((c) => `“${c}”`).join(' + '), ...subtract.map((c) => `“${c}”`)].join(' − ');
    rules.push({ id: 'sumCheck', text: `A row is refused unless ${formula} = “${total}”.`, remove: () => ({ ...mapping, sumCheck: null }) });
  }
  if (rules.length === 0) return null;
  return (
    <section className="wizard-section" aria-labelledby="mapping-rules-title" data-testid="mapping-rules">
      <h3 className="wizard-section-title" id="mapping-rules-title">
        Rules of this layout
      </h3>
      <ul className="mapping-rules">
        {rules.map((rule) => (
          <li key={rule.id} className="mapping-rule" data-rule={rule.id}>
            <span>{rule.text}</span>
            <button type="button" className="button button-small" onClick={() => onMapping(rule.remove())}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

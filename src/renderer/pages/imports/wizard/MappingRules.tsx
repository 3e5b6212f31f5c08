import { IMPORT_TARGET_FIELDS, type ImportInspection, type Mapping } from '../../../../shared/contract/import-files';
import type { ImportEntity } from '../../../../shared/contract/imports';
import { ExternalIdRule } from './rules/ExternalIdRule';
import { FillDownRule } from './rules/FillDownRule';
import { RuleCard } from './rules/RuleCard';
import {
  externalIdDraft,
  externalIdProblem,
  fillDownDraft,
  fillDownProblem,
  ruleIssues,
  sumCheckDraft,
  sumCheckProblem,
  withExternalId,
  withFillDown,
  withSumCheck,
} from './rules/rule-edit';
import { SumCheckRule } from './rules/SumCheckRule';
import { useRuleDraft } from './rules/use-rule-draft';
import './rules/rules.css';

interface MappingRulesProps {
  entity: ImportEntity;
  inspection: ImportInspection;
  /** While a new preview is on its way, the last one's messages may no longer hold. */
  updating: boolean;
  mapping: Mapping;
  onMapping: (mapping: Mapping) => void;
}

/**
 * The rules a mapping can carry beyond column-to-field (built-in layouts use them), each
 * with a switch and its settings. A complete rule goes into the mapping, and the preview
 * follows, like any other mapping change.
 */
export function MappingRules({ entity, inspection, updating, mapping, onMapping }: MappingRulesProps) {
  const externalId = useRuleDraft(mapping, onMapping, externalIdDraft(mapping), externalIdProblem, withExternalId);
  const fillDown = useRuleDraft(mapping, onMapping, fillDownDraft(mapping), fillDownProblem, withFillDown);
  const sumCheck = useRuleDraft(mapping, onMapping, sumCheckDraft(mapping), sumCheckProblem, withSumCheck);
  const issues = (prefix: string) => (updating ? [] : ruleIssues(inspection, mapping, prefix));
  const { header } = inspection;
  const hasExternalId = IMPORT_TARGET_FIELDS[entity].some((t) => t.field === 'external_id');
  const quantityMapped = 'quantity' in mapping.columns || 'quantity' in mapping.constants;
  return (
    <section className="wizard-section" aria-labelledby="mapping-rules-title" data-testid="mapping-rules">
      <h3 className="wizard-section-title" id="mapping-rules-title">
        Rules of this layout
      </h3>
      <p className="field-hint rules-lead">How rows are combined and checked, beyond which column feeds which field. Changes show in the preview below.</p>
      <ul className="rule-cards">
        {(hasExternalId || externalId.draft) && <ExternalIdRule header={header} mapping={mapping} rule={externalId} issues={issues('mapping.externalIdFrom')} />}
        <FillDownRule header={header} rule={fillDown} issues={issues('mapping.fillDown')} />
        {(entity === 'revenues' || mapping.amountIsUnitPrice) && (
          <RuleCard
            id="amountIsUnitPrice"
            title="The amount is a unit price"
            summary={
              mapping.amountIsUnitPrice
                ? 'The stored amount is the amount column × quantity.'
                : 'Off: the amount column is the amount of the row. Turn on for line items priced per unit.'
            }
            enabled={mapping.amountIsUnitPrice}
            applied={mapping.amountIsUnitPrice && quantityMapped}
            onToggle={(on) => onMapping({ ...mapping, amountIsUnitPrice: on })}
            // The server says the same once the preview is back; say it at once, and only once.
            problem={quantityMapped || !mapping.amountIsUnitPrice || entity !== 'revenues' ? null : 'Map a column to Quantity above: the amount is price × quantity.'}
            issues={quantityMapped || entity !== 'revenues' ? issues('mapping.amountIsUnitPrice') : []}
          />
        )}
        <SumCheckRule header={header} rule={sumCheck} issues={issues('mapping.sumCheck')} />
      </ul>
    </section>
  );
}

import type { Mapping } from '../../../../../shared/contract/import-files';
import { OrderedColumns } from './OrderedColumns';
import { RuleCard } from './RuleCard';
import { EMPTY_EXTERNAL_ID, type ExternalIdDraft } from './rule-edit';
import type { RuleDraft } from './use-rule-draft';

interface ExternalIdRuleProps {
  header: readonly string[];
  mapping: Mapping;
  rule: RuleDraft<ExternalIdDraft>;
  issues: readonly string[];
}

const quoted = (columns: readonly string[]) => columns.map((c) => `“${c}”`).join(', ');

/** external_id joined from several columns (order name and SKU), optionally numbered within the first. */
export function ExternalIdRule({ header, mapping, rule, issues }: ExternalIdRuleProps) {
  const { draft } = rule;
  const replaces = mapping.columns.external_id ?? null;
  const summary = !draft ? (
    'Off: the external ID comes from one column, as mapped above. Turn on for exports with no single ID per row (order number and SKU).'
  ) : draft.columns.length === 0 ? (
    'The external ID will be built from the columns below, joined with “:”.'
  ) : (
    <>
      The external ID is {quoted(draft.columns)}, joined with “:”
      {draft.linePosition ? `, then the row's position among consecutive rows with the same ${quoted(draft.columns.slice(0, 1))}` : ''}.
    </>
  );
  return (
    <RuleCard
      id="externalIdFrom"
      title="Build the external ID from several columns"
      summary={
        <>
          {summary}
          {!draft && replaces && <span className="muted"> Turning it on replaces the column “{replaces}”.</span>}
        </>
      }
      enabled={draft !== null}
      applied={rule.applied}
      onToggle={(on) => rule.set(on ? EMPTY_EXTERNAL_ID : null)}
      problem={rule.problem}
      issues={issues}
    >
      {draft && (
        <>
          <OrderedColumns
            label="Columns, in order"
            testId="rule-externalIdFrom-columns"
            header={header}
            columns={draft.columns}
            max={5}
            onChange={(columns) => rule.set({ ...draft, columns })}
          />
          <label className="rule-option">
            <input
              type="checkbox"
              checked={draft.linePosition}
              onChange={(event) => rule.set({ ...draft, linePosition: event.target.checked })}
              data-testid="rule-externalIdFrom-linePosition"
            />
            Append the row's position among consecutive rows with the same {draft.columns[0] ? `“${draft.columns[0]}”` : 'first column'} (1, 2, …)
          </label>
        </>
      )}
    </RuleCard>
  );
}

import { ColumnChecklist } from './ColumnChecklist';
import { RuleCard } from './RuleCard';
import { EMPTY_FILL_DOWN, hasColumn, toggled, type FillDownDraft } from './rule-edit';
import type { RuleDraft } from './use-rule-draft';

interface FillDownRuleProps {
  header: readonly string[];
  rule: RuleDraft<FillDownDraft>;
  issues: readonly string[];
}

const ALWAYS = '';
const quoted = (columns: readonly string[]) => columns.map((c) => `“${c}”`).join(', ');

/** Cells left empty below an order's first line take the value above, within the order. */
export function FillDownRule({ header, rule, issues }: FillDownRuleProps) {
  const { draft } = rule;
  const summary = !draft
    ? 'Off: every row is read on its own. Turn on for exports that write order fields on the first line item only.'
    : draft.columns.length === 0
      ? 'Empty cells of the columns chosen below will take the value of the row above.'
      : `Empty cells of ${quoted(draft.columns)} take the value of the row above${draft.within ? `, within rows with the same “${draft.within}”` : ''}.`;
  const withinChoices = draft?.within && !hasColumn(header, draft.within) ? [...header, draft.within] : header;
  return (
    <RuleCard
      id="fillDown"
      title="Carry values down into empty cells"
      summary={summary}
      enabled={draft !== null}
      applied={rule.applied}
      onToggle={(on) => rule.set(on ? EMPTY_FILL_DOWN : null)}
      problem={rule.problem}
      issues={issues}
    >
      {draft && (
        <>
          <ColumnChecklist
            legend="Columns to carry down"
            testId="rule-fillDown-columns"
            header={header}
            checked={draft.columns}
            onChange={(column, on) => rule.set({ ...draft, columns: toggled(draft.columns, column, on, header) })}
          />
          <div className="field">
            <label className="field-label" htmlFor="rule-fillDown-within">
              Only within rows with the same
            </label>
            <select
              id="rule-fillDown-within"
              className="select rule-select"
              data-testid="rule-fillDown-within"
              value={draft.within ?? ALWAYS}
              onChange={(event) => rule.set({ ...draft, within: event.target.value === ALWAYS ? null : event.target.value })}
            >
              <option value={ALWAYS}>— Any row: always carry down —</option>
              {withinChoices.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </select>
            <span className="field-hint">E.g. the order number, so an order never takes the previous order's values.</span>
          </div>
        </>
      )}
    </RuleCard>
  );
}

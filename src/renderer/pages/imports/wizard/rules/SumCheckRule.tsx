import { ColumnChecklist } from './ColumnChecklist';
import { RuleCard } from './RuleCard';
import { EMPTY_SUM_CHECK, hasColumn, sumCheckFormula, toggled, type SumCheckDraft } from './rule-edit';
import type { RuleDraft } from './use-rule-draft';

interface SumCheckRuleProps {
  header: readonly string[];
  rule: RuleDraft<SumCheckDraft>;
  issues: readonly string[];
}

const NONE = '';

/** Refuse rows whose columns do not add up (gross − fee = net): a file misread shows up at once. */
export function SumCheckRule({ header, rule, issues }: SumCheckRuleProps) {
  const { draft } = rule;
  const summary = !draft
    ? 'Off: no columns are checked against each other. Turn on for reports with gross, fee and net columns.'
    : `A row is refused unless ${sumCheckFormula(draft)}${draft.total === null ? '' : '.'}`;
  // A column plays one part: the lists disable what another part already has.
  const roles = new Map<string, string>();
  if (draft?.total) roles.set(draft.total, 'The total');
  const partsTaken = new Map(roles);
  const subtractTaken = new Map(roles);
  draft?.subtract.forEach((c) => partsTaken.set(c, 'Subtracted'));
  draft?.parts.forEach((c) => subtractTaken.set(c, 'Added'));
  const totalChoices = draft?.total && !hasColumn(header, draft.total) ? [...header, draft.total] : header;
  return (
    <RuleCard
      id="sumCheck"
      title="Check that amounts add up"
      summary={summary}
      enabled={draft !== null}
      applied={rule.applied}
      onToggle={(on) => rule.set(on ? EMPTY_SUM_CHECK : null)}
      problem={rule.problem}
      issues={issues}
    >
      {draft && (
        <>
          <ColumnChecklist
            legend="Add (+)"
            testId="rule-sumCheck-parts"
            header={header}
            checked={draft.parts}
            unavailable={partsTaken}
            onChange={(column, on) => rule.set({ ...draft, parts: toggled(draft.parts, column, on, header) })}
          />
          <ColumnChecklist
            legend="Subtract (−)"
            testId="rule-sumCheck-subtract"
            header={header}
            checked={draft.subtract}
            unavailable={subtractTaken}
            onChange={(column, on) => rule.set({ ...draft, subtract: toggled(draft.subtract, column, on, header) })}
          />
          <div className="field">
            <label className="field-label" htmlFor="rule-sumCheck-total">
              Must equal (=)
            </label>
            <select
              id="rule-sumCheck-total"
              className="select rule-select"
              data-testid="rule-sumCheck-total"
              value={draft.total ?? NONE}
              onChange={(event) => rule.set({ ...draft, total: event.target.value === NONE ? null : event.target.value })}
            >
              <option value={NONE}>— Choose the total column —</option>
              {totalChoices.map((column) => (
                <option key={column} value={column} disabled={draft.parts.includes(column) || draft.subtract.includes(column)}>
                  {column}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
    </RuleCard>
  );
}

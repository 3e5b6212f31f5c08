import { percentageToWeight, weightToPercentage, WHOLE_PERCENT_WEIGHT } from '../../../shared/percentage';
import { emptySplit, payeeLabel, type SplitDraft } from './rule-draft';

export interface PayeeChoice {
  id: number;
  externalId: string | null;
  name: string;
}

interface SplitsEditorProps {
  idPrefix: string;
  splits: SplitDraft[];
  payees: readonly PayeeChoice[];
  onChange: (splits: SplitDraft[]) => void;
  /** Refusals by field: "splits", "splits.0.percentage", ... */
  errors: Record<string, string>;
}

/**
 * The payees a rule shares each revenue between: a percentage each, and optionally a
 * fixed amount per revenue paid first (the percentages then split what is left).
 */
export function SplitsEditor({ idPrefix, splits, payees, onChange, errors }: SplitsEditorProps) {
  const update = (index: number, patch: Partial<SplitDraft>) => onChange(splits.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const total = shareTotal(splits);
  return (
    <fieldset className="rule-splits" aria-describedby={errors.splits ? `${idPrefix}-splits-error` : undefined} data-invalid={errors.splits ? true : undefined}>
      <legend className="form-label">Splits between payees</legend>
      {splits.length > 0 && (
        <table className="rule-splits-table">
          <thead>
            <tr>
              <th scope="col">Payee</th>
              <th scope="col">Percentage</th>
              <th scope="col">Fixed amount first</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {splits.map((split, index) => {
              const at = `splits.${index}`;
              const rowErrors = (['payee_external_id', 'payee_id', 'percentage', 'fixed_amount'] as const)
                .map((part) => [part, errors[`${at}.${part}`]] as const)
                .filter(([, message]) => message);
              const rowError = errors[at];
              return (
                <SplitRow
                  key={split.key}
                  id={`${idPrefix}-split-${index}`}
                  index={index}
                  split={split}
                  payees={payees}
                  invalid={new Set(rowErrors.map(([part]) => part))}
                  messages={[
                    ...(rowError ? [`Split ${index + 1}: ${rowError}`] : []),
                    ...rowErrors.map(([part, message]) => `${PART_LABELS[part]} (split ${index + 1}): ${message}`),
                  ]}
                  onChange={(patch) => update(index, patch)}
                  onRemove={() => onChange(splits.filter((_, i) => i !== index))}
                />
              );
            })}
          </tbody>
        </table>
      )}
      <div className="rule-splits-footer">
        <button type="button" className="button" onClick={() => onChange([...splits, emptySplit()])} data-testid="rule-add-split">
          Add a payee
        </button>
        <span className="muted" data-testid="rule-split-total">
          {total === null
            ? 'Shared out: —'
            : `Shared out: ${weightToPercentage(total)}%${total < WHOLE_PERCENT_WEIGHT ? ` · ${weightToPercentage(WHOLE_PERCENT_WEIGHT - total)}% unallocated` : ''}`}
        </span>
      </div>
      {errors.splits && (
        <p className="form-error" id={`${idPrefix}-splits-error`} data-testid="rule-splits-error">
          {errors.splits}
        </p>
      )}
    </fieldset>
  );
}

const PART_LABELS = {
  payee_external_id: 'Payee',
  payee_id: 'Payee',
  percentage: 'Percentage',
  fixed_amount: 'Fixed amount',
} as const;

/** The percentages typed so far, exactly; null while one is not a percentage yet. */
function shareTotal(splits: SplitDraft[]): bigint | null {
  let total = 0n;
  for (const s of splits) {
    const weight = percentageToWeight(s.percentage.trim() || '0');
    if (weight === null) return null;
    total += weight;
  }
  return total;
}

interface SplitRowProps {
  id: string;
  index: number;
  split: SplitDraft;
  payees: readonly PayeeChoice[];
  invalid: ReadonlySet<string>;
  messages: string[];
  onChange: (patch: Partial<SplitDraft>) => void;
  onRemove: () => void;
}

function SplitRow({ id, index, split, payees, invalid, messages, onChange, onRemove }: SplitRowProps) {
  const errorId = messages.length ? `${id}-error` : undefined;
  const known = payees.some((p) => String(p.id) === split.payee);
  return (
    <>
      <tr data-testid={`rule-split-${index}`}>
        <td>
          <select
            className="select"
            value={split.payee}
            onChange={(event) => onChange({ payee: event.target.value })}
            aria-label={`Payee of split ${index + 1}`}
            aria-invalid={invalid.has('payee_external_id') || invalid.has('payee_id') || undefined}
            aria-describedby={errorId}
            data-testid={`rule-split-${index}-payee`}
          >
            <option value="">Choose a payee…</option>
            {!known && split.payee && <option value={split.payee}>{split.payeeLabel ?? `Payee ${split.payee}`}</option>}
            {payees.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {payeeLabel(p)}
              </option>
            ))}
          </select>
        </td>
        <td>
          <span className="rule-percent-input">
            <input
              className="input"
              inputMode="decimal"
              value={split.percentage}
              onChange={(event) => onChange({ percentage: event.target.value })}
              aria-label={`Percentage of split ${index + 1}`}
              aria-invalid={invalid.has('percentage') || undefined}
              aria-describedby={errorId}
              data-testid={`rule-split-${index}-percentage`}
            />
            <span aria-hidden="true">%</span>
          </span>
        </td>
        <td>
          <input
            className="input"
            inputMode="decimal"
            value={split.fixedAmount}
            placeholder="none"
            onChange={(event) => onChange({ fixedAmount: event.target.value })}
            aria-label={`Fixed amount per revenue of split ${index + 1}, paid before the percentages`}
            aria-invalid={invalid.has('fixed_amount') || undefined}
            aria-describedby={errorId}
            data-testid={`rule-split-${index}-fixed`}
          />
        </td>
        <td>
          <button type="button" className="button button-quiet" onClick={onRemove} aria-label={`Remove split ${index + 1}`} title="Remove this payee's share">
            ×
          </button>
        </td>
      </tr>
      {messages.length > 0 && (
        <tr className="rule-split-error-row">
          <td colSpan={4}>
            <p className="form-error" id={errorId} data-testid={`rule-split-${index}-error`}>
              {messages.join(' ')}
            </p>
          </td>
        </tr>
      )}
    </>
  );
}

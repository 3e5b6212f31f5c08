import { useId, useState, type FormEvent } from 'react';
import { RULE_SCOPES, RULE_STATUSES, type RuleRecord, type RuleScope, type RuleStatus } from '../../../shared/contract/rules';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describedBy, FormField } from '../../components/FormField';
import { draftOf, recordOf, ruleFormErrors, type RuleDraft } from './rule-draft';
import { SCOPE_LABELS, STATUS_LABELS } from './rule-labels';
import { SplitsEditor, type PayeeChoice } from './SplitsEditor';

export interface ProductChoice {
  externalId: string | null;
  name: string;
  archived: boolean;
}

interface RuleFormProps {
  orgId: string;
  /** The rule to edit, or null to create one. */
  rule: RuleRecord | null;
  payees: readonly PayeeChoice[];
  products: readonly ProductChoice[];
  onSaved: (rule: RuleRecord, created: boolean) => void;
  onCancel?: () => void;
}

const STATUS_HINTS: Record<RuleStatus, string> = {
  draft: 'Not used by payout runs yet.',
  active: 'Used by payout runs from its first day.',
  inactive: 'Kept for its history; not used by runs.',
};

/**
 * Creates or edits one rule through rules.save: the server checks every field (percentages,
 * dates, overlapping active rules, archived products) and a refusal is shown under the
 * field it names; nothing is saved then. Each save that changes something is a new version.
 */
export function RuleForm({ orgId, rule, payees, products, onSaved, onCancel }: RuleFormProps) {
  const id = useId();
  const isNew = rule === null;
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(rule, new Date().toISOString()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const errors = ruleFormErrors(error);
  const set =
    <K extends keyof RuleDraft>(key: K) =>
    (value: RuleDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.call('rules.save', {
        orgId,
        ...(rule ? { id: rule.id } : {}),
        record: recordOf(draft, isNew),
      });
      onSaved(saved, isNew);
    } catch (thrown) {
      setError(asApiCallError('rules.save', thrown));
    } finally {
      setBusy(false);
    }
  };

  const field = (key: string, label: string) => ({
    id: `${id}-${key}`,
    label,
    error: errors.byField[key],
    testId: `rule-${key}`,
  });
  const control = (key: string) => ({
    id: `${id}-${key}`,
    'aria-invalid': errors.byField[key] ? true : undefined,
    'aria-describedby': describedBy(`${id}-${key}`, errors.byField[key], null),
    'data-testid': `rule-${key}`,
  });

  return (
    <form className="rule-form" onSubmit={submit} noValidate aria-busy={busy || undefined} data-testid="rule-form">
      <FormField {...field('name', 'Name')}>
        <input
          className="input"
          value={draft.name}
          onChange={(e) => set('name')(e.target.value)}
          autoComplete="off"
          aria-required="true"
          {...control('name')}
        />
      </FormField>
      <div className="rule-form-row">
        <FormField {...field('status', 'Status')} hint={STATUS_HINTS[draft.status]}>
          <select className="select" value={draft.status} onChange={(e) => set('status')(e.target.value as RuleStatus)} {...control('status')}>
            {RULE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField {...field('external_id', 'External ID')} hint={isNew ? 'Optional: how API batches name this rule.' : undefined}>
          <input
            className="input cell-mono"
            value={draft.externalId}
            onChange={(e) => set('externalId')(e.target.value)}
            readOnly={!isNew}
            placeholder={isNew ? 'e.g. rule-books' : 'none'}
            autoComplete="off"
            {...control('external_id')}
          />
        </FormField>
      </div>
      <div className="rule-form-row">
        <FormField {...field('scope', 'Covers')}>
          <select className="select" value={draft.scope} onChange={(e) => set('scope')(e.target.value as RuleScope)} {...control('scope')}>
            {RULE_SCOPES.map((s) => (
              <option key={s} value={s}>
                {s === 'org' ? 'Every revenue of the org' : `One ${SCOPE_LABELS[s].toLowerCase()}`}
              </option>
            ))}
          </select>
        </FormField>
        <ScopeTarget draft={draft} products={products} onChange={setDraft} field={field} control={control} listId={`${id}-products`} />
      </div>
      <div className="rule-form-row">
        <FormField {...field('effective_from', 'Effective from')}>
          <input
            className="input"
            type="date"
            value={draft.effectiveFrom}
            onChange={(e) => set('effectiveFrom')(e.target.value)}
            {...control('effective_from')}
          />
        </FormField>
        <FormField {...field('effective_to', 'Effective to')} hint="Empty: open-ended.">
          <input className="input" type="date" value={draft.effectiveTo} onChange={(e) => set('effectiveTo')(e.target.value)} {...control('effective_to')} />
        </FormField>
      </div>
      <SplitsEditor idPrefix={id} splits={draft.splits} payees={payees} onChange={set('splits')} errors={errors.byField} />
      {errors.general && <ErrorNotice error={errors.general} title="The rule was not saved" />}
      {Object.keys(errors.byField).length > 0 && (
        <p className="form-error" role="alert" data-testid="rule-form-refused">
          Not saved: {Object.keys(errors.byField).length === 1 ? 'a field needs' : 'some fields need'} attention (marked above).
        </p>
      )}
      <div className="org-form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="rule-save">
          {busy ? 'Saving…' : isNew ? 'Create rule' : 'Save changes'}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
        {!isNew && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(draftOf(rule, ''));
              setError(null);
            }}
            disabled={busy}
            data-testid="rule-discard"
          >
            Discard changes
          </button>
        )}
      </div>
    </form>
  );
}

type FieldProps = (key: string, label: string) => { id: string; label: string; error: string | undefined; testId: string };
type ControlProps = (key: string) => Record<string, unknown>;

/** The product, category or tag a rule covers (nothing for the whole org). */
function ScopeTarget({
  draft,
  products,
  onChange,
  field,
  control,
  listId,
}: {
  draft: RuleDraft;
  products: readonly ProductChoice[];
  onChange: (update: (d: RuleDraft) => RuleDraft) => void;
  field: FieldProps;
  control: ControlProps;
  listId: string;
}) {
  if (draft.scope === 'org') return <p className="muted rule-scope-note">Covers every revenue no product, category or tag rule claims.</p>;
  if (draft.scope === 'product') {
    return (
      <FormField {...field('product_external_id', 'Product')} hint="Its external ID.">
        <input
          className="input"
          list={listId}
          value={draft.product}
          onChange={(e) => onChange((d) => ({ ...d, product: e.target.value }))}
          autoComplete="off"
          {...control('product_external_id')}
        />
        <datalist id={listId}>
          {products
            .filter((p) => p.externalId !== null)
            .map((p) => (
              <option key={p.externalId} value={p.externalId!}>
                {p.archived ? `${p.name} (archived)` : p.name}
              </option>
            ))}
        </datalist>
      </FormField>
    );
  }
  const key = draft.scope;
  return (
    <FormField {...field(key, key === 'category' ? 'Category' : 'Tag')}>
      <input className="input" value={draft[key]} onChange={(e) => onChange((d) => ({ ...d, [key]: e.target.value }))} autoComplete="off" {...control(key)} />
    </FormField>
  );
}

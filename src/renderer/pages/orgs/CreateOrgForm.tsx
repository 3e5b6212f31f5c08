import { useId, useState, type FormEvent } from 'react';
import type { Org } from '../../../shared/contract/orgs';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { nestingPrefix, orgTree } from '../../app/org-tree';
import { CurrencyField } from '../../components/CurrencyField';
import { localeCurrency } from '../../components/currency-choices';
import { ErrorNotice } from '../../components/ErrorNotice';
import { fieldErrorsOf } from '../../components/field-errors';
import { describedBy, FormField } from '../../components/FormField';
import { TimeZoneField } from '../../components/TimeZoneField';

const FIELDS = ['name', 'currency', 'parentId', 'timeZone'] as const;

interface CreateOrgFormProps {
  /** The orgs a new one can go under; omit to create a top-level org only (the welcome panel). */
  parents?: readonly Org[];
  /** The parent chosen when the form opens (null: top level). */
  parentId?: string | null;
  submitLabel?: string;
  onCreated: (org: Org) => void;
  onCancel?: () => void;
  /** Puts the keyboard in the name field when the form opens. */
  autoFocus?: boolean;
}

/**
 * Name, currency (and parent): one `orgs.create`. A refusal is shown next to the field it
 * names and nothing is created.
 */
export function CreateOrgForm({ parents, parentId: initialParent = null, submitLabel = 'Create organization', onCreated, onCancel, autoFocus }: CreateOrgFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState(() => {
    const parent = parents?.find((org) => org.id === initialParent);
    return parent?.currency ?? localeCurrency();
  });
  const [parentId, setParentId] = useState<string | null>(initialParent);
  const [timeZone, setTimeZone] = useState(() => parents?.find((org) => org.id === initialParent)?.timeZone ?? 'UTC');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const errors = fieldErrorsOf(error, FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const org = await api.call('orgs.create', parentId ? { name, currency, timeZone, parentId } : { name, currency, timeZone });
      onCreated(org);
    } catch (thrown) {
      setError(asApiCallError('orgs.create', thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="org-form" onSubmit={submit} noValidate data-testid="create-org-form" aria-busy={busy || undefined}>
      <FormField id={`${id}-name`} label="Name" error={errors.byField.name} testId="org-name">
        <input
          id={`${id}-name`}
          className="input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoComplete="off"
          autoFocus={autoFocus}
          aria-required="true"
          aria-invalid={errors.byField.name ? true : undefined}
          aria-describedby={describedBy(`${id}-name`, errors.byField.name, null)}
          data-testid="org-name"
        />
      </FormField>
      <CurrencyField id={`${id}-currency`} value={currency} onChange={setCurrency} error={errors.byField.currency} testId="org-currency" />
      <TimeZoneField id={`${id}-time-zone`} value={timeZone} onChange={setTimeZone} error={errors.byField.timeZone} testId="org-time-zone" />
      {parents && (
        <FormField id={`${id}-parent`} label="Parent" error={errors.byField.parentId} testId="org-parent" hint="A child org is reported under its parent.">
          <select
            id={`${id}-parent`}
            className="select"
            value={parentId ?? ''}
            onChange={(event) => setParentId(event.target.value || null)}
            aria-invalid={errors.byField.parentId ? true : undefined}
            aria-describedby={describedBy(`${id}-parent`, errors.byField.parentId, true)}
            data-testid="org-parent"
          >
            <option value="">None (a top-level organization)</option>
            {orgTree(parents).map(({ org, depth }) => (
              <option key={org.id} value={org.id}>
                {nestingPrefix(depth)}
                {org.name}
              </option>
            ))}
          </select>
        </FormField>
      )}
      {errors.general && <ErrorNotice error={errors.general} title="The organization was not created" />}
      <div className="org-form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="create-org-submit">
          {busy ? 'Creating…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

import { useId, useState, type FormEvent } from 'react';
import type { Org } from '../../../shared/contract/orgs';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { nestingPrefix, orgTree, subtreeIds } from '../../app/org-tree';
import { CurrencyField } from '../../components/CurrencyField';
import { ErrorNotice } from '../../components/ErrorNotice';
import { fieldErrorsOf } from '../../components/field-errors';
import { describedBy, FormField } from '../../components/FormField';
import { formatDateTime } from '../../format/date-format';
import { TimeZoneField } from '../../components/TimeZoneField';

const FIELDS = ['name', 'currency', 'parentId', 'timeZone'] as const;

interface OrgDetailsFormProps {
  org: Org;
  orgs: readonly Org[];
  onSaved: (org: Org) => void;
  onAddChild: () => void;
}

/**
 * One org's facts and its edits (rename, reporting currency, time zone, parent) in one `orgs.update`
 * of the changed fields; a refusal stays next to its field and nothing is changed.
 */
export function OrgDetailsForm({ org, orgs, onSaved, onAddChild }: OrgDetailsFormProps) {
  const id = useId();
  const [saved, setSaved] = useState(org);
  const [name, setName] = useState(org.name);
  const [currency, setCurrency] = useState(org.currency);
  const [parentId, setParentId] = useState<string | null>(org.parentId);
  const [timeZone, setTimeZone] = useState(org.timeZone);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const errors = fieldErrorsOf(error, FIELDS);

  const changes = {
    ...(name !== saved.name ? { name } : {}),
    ...(currency !== saved.currency ? { currency } : {}),
    ...(parentId !== saved.parentId ? { parentId } : {}),
    ...(timeZone !== saved.timeZone ? { timeZone } : {}),
  };
  const changed = Object.keys(changes).length > 0;
  // Not under itself or anything under it: that would be a loop.
  const blocked = subtreeIds(orgs, org.id);
  const parentChoices = orgTree(orgs).filter(({ org: other }) => !blocked.has(other.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !changed) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const updated = await api.call('orgs.update', { id: org.id, ...changes });
      setSaved(updated);
      setName(updated.name);
      setCurrency(updated.currency);
      setParentId(updated.parentId);
      setTimeZone(updated.timeZone);
      setStatus('Saved.');
      onSaved(updated);
    } catch (thrown) {
      setError(asApiCallError('orgs.update', thrown));
    } finally {
      setBusy(false);
    }
  };

  const discard = () => {
    setName(saved.name);
    setCurrency(saved.currency);
    setParentId(saved.parentId);
    setTimeZone(saved.timeZone);
    setError(null);
    setStatus(null);
  };

  const edit = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setStatus(null);
  };

  return (
    <form className="org-form" onSubmit={submit} noValidate data-testid="org-details" aria-busy={busy || undefined}>
      <OrgIdField id={`${id}-id`} orgId={org.id} />
      <p className="org-facts muted">Created {formatDateTime(org.createdAt)}</p>
      <FormField id={`${id}-name`} label="Name" error={errors.byField.name} testId="org-edit-name">
        <input
          id={`${id}-name`}
          className="input"
          value={name}
          onChange={(event) => edit(setName)(event.target.value)}
          autoComplete="off"
          aria-required="true"
          aria-invalid={errors.byField.name ? true : undefined}
          aria-describedby={describedBy(`${id}-name`, errors.byField.name, null)}
          data-testid="org-edit-name"
        />
      </FormField>
      <CurrencyField id={`${id}-currency`} label="Reporting currency" value={currency} onChange={edit(setCurrency)} error={errors.byField.currency} testId="org-edit-currency" />
      <TimeZoneField id={`${id}-time-zone`} value={timeZone} onChange={edit(setTimeZone)} error={errors.byField.timeZone} testId="org-edit-time-zone" />
      <FormField id={`${id}-parent`} label="Parent" error={errors.byField.parentId} testId="org-edit-parent">
        <select
          id={`${id}-parent`}
          className="select"
          value={parentId ?? ''}
          onChange={(event) => edit(setParentId)(event.target.value || null)}
          aria-invalid={errors.byField.parentId ? true : undefined}
          aria-describedby={describedBy(`${id}-parent`, errors.byField.parentId, null)}
          data-testid="org-edit-parent"
        >
          <option value="">None (a top-level organization)</option>
          {parentChoices.map(({ org: other, depth }) => (
            <option key={other.id} value={other.id}>
              {nestingPrefix(depth)}
              {other.name}
            </option>
          ))}
        </select>
      </FormField>
      {errors.general && <ErrorNotice error={errors.general} title="Nothing was changed" />}
      <div className="org-form-actions">
        <button type="submit" className="button button-primary" disabled={busy || !changed} data-testid="org-save">
          {busy ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button" onClick={discard} disabled={busy || (!changed && !error)} data-testid="org-discard">
          Discard changes
        </button>
        <span className="org-form-status" role="status" data-testid="org-save-status">
          {status}
        </span>
      </div>
      <div className="org-form-section">
        <button type="button" className="button" onClick={onAddChild} data-testid="add-child-org">
          Add a child organization…
        </button>
      </div>
    </form>
  );
}

/** The org's id, selectable, with a Copy button (the CLI and imports name orgs by id). */
function OrgIdField({ id, orgId }: { id: string; orgId: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(orgId);
      setCopied('yes');
    } catch {
      // No clipboard permission: the id stays selected for Ctrl+C.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      setCopied('no');
    }
  };
  return (
    <FormField id={id} label="ID" hint={copied === 'yes' ? 'Copied to the clipboard.' : copied === 'no' ? 'Selected: press Ctrl+C to copy it.' : undefined}>
      <div className="org-id-row">
        <input id={id} className="input org-id" value={orgId} readOnly onFocus={(event) => event.currentTarget.select()} data-testid="org-id" />
        <button type="button" className="button" onClick={copy} data-testid="copy-org-id">
          Copy
        </button>
      </div>
    </FormField>
  );
}

import { useId, useState, type FormEvent } from 'react';
import type { PayeeRow } from '../../../shared/contract/payees';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describedBy, FormField } from '../../components/FormField';

interface PayeeHoldProps {
  orgId: string;
  payee: PayeeRow;
  onChanged: (payee: PayeeRow) => void;
}

/**
 * Hold or release a payee. Holding asks why (kept with the payee and shown in the Payouts
 * screen beside the held amount); releasing clears the reason.
 */
export function PayeeHold({ orgId, payee, onChanged }: PayeeHoldProps) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [missing, setMissing] = useState(false);

  const run = async (work: () => Promise<PayeeRow>, method: string) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await work());
      setReason('');
    } catch (thrown) {
      setError(asApiCallError(method, thrown));
    } finally {
      setBusy(false);
    }
  };

  const hold = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (reason.trim() === '') return setMissing(true);
    setMissing(false);
    void run(() => api.call('payees.hold', { orgId, id: payee.id, reason: reason.trim() }), 'payees.hold');
  };

  if (payee.onHold) {
    return (
      <section className="record-section record-section-held" aria-labelledby={`${id}-title`} data-testid="payee-hold">
        <h3 className="record-section-title" id={`${id}-title`}>
          On hold
        </h3>
        <p className="record-hold-reason" data-testid="payee-hold-reason">
          {payee.holdReason ?? 'No reason was given (set by an import).'}
        </p>
        <p className="form-hint">Its payouts are carried forward each month until it is released.</p>
        {error && <ErrorNotice error={error} title="The payee was not released" />}
        <div className="record-form-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => api.call('payees.release', { orgId, id: payee.id }), 'payees.release')} data-testid="payee-release">
            {busy ? 'Releasing…' : 'Release hold'}
          </button>
        </div>
      </section>
    );
  }
  const message = missing ? 'Say why the payouts are held.' : undefined;
  return (
    <form className="record-section" onSubmit={hold} noValidate aria-labelledby={`${id}-title`} data-testid="payee-hold">
      <h3 className="record-section-title" id={`${id}-title`}>
        Hold payouts
      </h3>
      <FormField id={`${id}-reason`} label="Reason" error={message} hint="Kept with the payee and shown beside held amounts." testId="payee-hold-reason-input">
        <input
          id={`${id}-reason`}
          className="input"
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy(`${id}-reason`, message, true)}
          data-testid="payee-hold-reason-input"
        />
      </FormField>
      {error && <ErrorNotice error={error} title="The payee was not put on hold" />}
      <div className="record-form-actions">
        <button type="submit" className="button" disabled={busy} data-testid="payee-hold-submit">
          {busy ? 'Holding…' : 'Put on hold'}
        </button>
      </div>
    </form>
  );
}

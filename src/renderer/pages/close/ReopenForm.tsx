import { useCallback, useState } from 'react';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { periodLabel } from '../../format/period-label';

/** Reopening is its own explicit action, and the reason is required. */
export function ReopenForm({ orgId, period, onReopened }: { orgId: string; period: string; onReopened: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const reopen = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      await api.call('close.reopen', { orgId, period, reason });
      setReason('');
      onReopened();
    } catch (thrown) {
      setError(asApiCallError('close.reopen', thrown));
    } finally {
      setBusy(false);
    }
  }, [orgId, period, reason, onReopened]);
  return (
    <form
      className="close-reopen"
      data-testid="close-reopen"
      onSubmit={(event) => {
        event.preventDefault();
        void reopen();
      }}
    >
      <label className="field">
        <span className="field-label">Why reopen {periodLabel(period)}?</span>
        <textarea className="close-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} placeholder="A late refund from the bank" data-testid="close-reason" />
      </label>
      <button type="submit" className="button" disabled={busy || reason.trim() === ''} data-testid="close-reopen-button">
        {busy ? 'Reopening…' : `Reopen ${periodLabel(period)}`}
      </button>
      {error && <ErrorNotice error={error} title={`Could not reopen ${periodLabel(period)}`} onDismiss={() => setError(null)} />}
    </form>
  );
}

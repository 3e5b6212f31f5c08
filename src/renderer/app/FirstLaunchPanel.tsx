import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-call-error';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';

/**
 * Desktop only: until a workspace has been opened once, offer the demo workspace so a
 * first look does not start with an empty screen.
 */
/** A modal keeps Tab inside itself; the app behind it is not usable until it closes. */
function keepFocusInside(event: KeyboardEvent<HTMLElement>) {
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not(:disabled), [href], input, select')];
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

export function FirstLaunchPanel() {
  const desktop = api.desktop;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const primary = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!desktop) return;
    let live = true;
    desktop.isFirstLaunch().then(
      (first) => live && setOpen(first),
      () => live && setOpen(false),
    );
    return () => {
      live = false;
    };
  }, [desktop]);

  useEffect(() => {
    if (open) primary.current?.focus();
  }, [open]);

  if (!desktop || !open) return null;

  const openDemo = async () => {
    setBusy(true);
    setError(null);
    try {
      await desktop.openDemoWorkspace();
      setOpen(false); // the shell announces the new workspace; the app reloads on it
    } catch (thrown) {
      setError(asApiCallError('openDemoWorkspace', thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="first-launch-backdrop">
      <section
        className="first-launch"
        role="dialog"
        aria-modal="true"
        aria-labelledby="first-launch-title"
        data-testid="first-launch"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !busy) setOpen(false);
          if (event.key === 'Tab') keepFocusInside(event);
        }}
      >
        <h2 id="first-launch-title">Welcome to Closebook</h2>
        <p>
          Closebook keeps a month-end workspace in one file: revenues, payouts, reconciliation and statements, sorted, filtered and exported
          offline. Open the demo workspace to look around with sample data, or open your own from the File menu.
        </p>
        {error && <ErrorNotice error={error} title="The demo workspace could not be opened" />}
        <div className="first-launch-actions">
          <button ref={primary} type="button" className="button button-primary" onClick={openDemo} disabled={busy} data-testid="open-demo">
            {busy ? 'Opening the demo…' : 'Open demo workspace'}
          </button>
          <button type="button" className="button" onClick={() => setOpen(false)} disabled={busy}>
            Not now
          </button>
        </div>
      </section>
    </div>
  );
}

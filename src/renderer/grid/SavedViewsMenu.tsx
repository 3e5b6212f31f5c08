import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ViewState } from '../../shared/contract/views';
import { asApiCallError, type ApiCallError } from '../api/api-call-error';
import { api } from '../api/client';

interface SavedViewsMenuProps {
  screen: string;
  /** The screen's setup as it is now, to save under a name. */
  currentState: () => ViewState;
  /** Puts a named view on the screen. */
  onOpen: (name: string, state: ViewState) => void;
  disabled?: boolean;
}

/**
 * Views saved under a name for one screen (kept in the workspace file): open one, save the
 * current setup as one (a name in use is replaced only when asked), delete one.
 */
export function SavedViewsMenu({ screen, currentState, onOpen, disabled }: SavedViewsMenuProps) {
  const [open, setOpen] = useState(false);
  const [views, setViews] = useState<Array<{ name: string }> | null>(null);
  const [name, setName] = useState('');
  const [taken, setTaken] = useState<string | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  const refresh = useCallback(() => {
    api.call('views.list', { screen }).then(
      (result) => setViews(result.views),
      (thrown: unknown) => setError(asApiCallError('views.list', thrown)),
    );
  }, [screen]);

  useEffect(() => {
    if (!open) return;
    refresh();
    const closeOnOutside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOnOutside);
    return () => document.removeEventListener('mousedown', closeOnOutside);
  }, [open, refresh]);

  const save = (replace: boolean) => {
    const trimmed = name.trim();
    if (!trimmed) return;
    setError(null);
    api.call('views.save', { screen, name: trimmed, state: currentState(), replace }).then(
      () => {
        setTaken(null);
        setName('');
        refresh();
      },
      (thrown: unknown) => {
        const failure = asApiCallError('views.save', thrown);
        if (failure.code === 'view_name_taken') setTaken((failure.error.detail as { name?: string } | null)?.name ?? trimmed);
        else setError(failure);
      },
    );
  };

  const openView = (viewName: string) => {
    setError(null);
    api.call('views.get', { screen, name: viewName }).then(
      ({ view }) => {
        if (view) onOpen(viewName, view.state);
        setOpen(false);
      },
      (thrown: unknown) => setError(asApiCallError('views.get', thrown)),
    );
  };

  const remove = (viewName: string) => {
    if (!window.confirm(`Delete the view "${viewName}"?`)) return;
    api.call('views.delete', { screen, name: viewName }).then(refresh, (thrown: unknown) => setError(asApiCallError('views.delete', thrown)));
  };

  return (
    <div
      className="popover-anchor"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          root.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button type="button" className="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)} disabled={disabled} data-testid="saved-views">
        Views
      </button>
      {open && (
        <div className="popover saved-views" id={panelId} role="group" aria-label="Saved views">
          {views === null ? (
            <p className="popover-hint">Loading…</p>
          ) : views.length === 0 ? (
            <p className="popover-hint">No saved views yet.</p>
          ) : (
            <ul className="saved-view-list">
              {views.map((view) => (
                <li key={view.name}>
                  <button type="button" className="button-link saved-view-open" onClick={() => openView(view.name)} data-testid="saved-view-open">
                    {view.name}
                  </button>
                  <button type="button" className="button button-quiet button-small" onClick={() => remove(view.name)} aria-label={`Delete the view ${view.name}`}>
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            className="saved-view-form"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              save(false);
            }}
          >
            <label className="field-label" htmlFor={`${panelId}-name`}>
              Save this view as
            </label>
            <div className="saved-view-row">
              <input
                id={`${panelId}-name`}
                className="input"
                value={name}
                maxLength={100}
                onChange={(event) => {
                  setName(event.target.value);
                  setTaken(null);
                }}
                placeholder="e.g. Refunds over 1,000"
                data-testid="saved-view-name"
              />
              <button type="submit" className="button button-small" disabled={!name.trim()} data-testid="saved-view-save">
                Save
              </button>
            </div>
          </form>
          {taken && (
            <p className="popover-hint" role="alert">
              A view named “{taken}” exists.{' '}
              <button type="button" className="button-link" onClick={() => save(true)} data-testid="saved-view-replace">
                Replace it
              </button>
            </p>
          )}
          {error && (
            <p className="popover-hint popover-error" role="alert">
              {error.message}
            </p>
          )}
          <p className="popover-hint">A view keeps the sort, filters and columns. Your current setup is kept on its own as you work.</p>
        </div>
      )}
    </div>
  );
}

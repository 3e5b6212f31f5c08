import { useEffect, useRef, type ReactNode } from 'react';

interface ModalProps {
  /** Id of the element naming the dialog (its heading). */
  labelledBy: string;
  /** Escape calls this; omit it while the dialog must stay open (a write running). */
  onClose?: () => void;
  className?: string;
  testId?: string;
  children: ReactNode;
}

const TABBABLE = [
  'a[href]',
  'button:not(:disabled)',
  'input:not(:disabled):not([type=hidden])',
  'select:not(:disabled)',
  'textarea:not(:disabled)',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** Open dialogs, innermost last: only the innermost answers keys (a confirm over the wizard). */
const openDialogs: HTMLElement[] = [];

function tabbableIn(root: HTMLElement): HTMLElement[] {
  // Hidden elements (a closed <details>, display: none) cannot take focus.
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((element) => element.getClientRects().length > 0);
}

/**
 * A modal dialog: Tab and Shift+Tab stay inside it, Escape closes it, and focus returns
 * to whatever had it before (the button that opened it) when it closes. Keys are caught
 * on the document, so they still work when the focused button went away (a step changed).
 */
export function Modal({ labelledBy, onClose, className, testId, children }: ModalProps) {
  const root = useRef<HTMLElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const dialog = root.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    openDialogs.push(dialog);
    if (!dialog.contains(document.activeElement)) {
      (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? tabbableIn(dialog)[0] ?? dialog).focus();
    }

    const onKeyDown = (event: KeyboardEvent) => {
      if (openDialogs[openDialogs.length - 1] !== dialog) return;
      // A grid's popup or a native control that used Escape marks it handled.
      if (event.key === 'Escape' && !event.defaultPrevented) {
        if (!close.current) return;
        event.preventDefault();
        close.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const tabbable = tabbableIn(dialog);
      const active = document.activeElement;
      if (tabbable.length === 0) {
        event.preventDefault();
        dialog.focus();
        return;
      }
      const first = tabbable[0];
      const last = tabbable[tabbable.length - 1];
      const outside = !dialog.contains(active) || active === dialog;
      if (outside) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      } else if (event.shiftKey && active === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      openDialogs.splice(openDialogs.indexOf(dialog), 1);
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <div className="modal-backdrop">
      <section
        ref={root}
        className={className ? `modal ${className}` : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        data-testid={testId}
        tabIndex={-1}
      >
        {children}
      </section>
    </div>
  );
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const COPY = isMac ? '⌘C' : 'Ctrl+C';

/**
 * The grid's keys, shown while focus is inside it (CSS :focus-within), so the filter and
 * copy shortcuts are found without a manual. Place it inside the grid's .grid-frame.
 */
export function GridKeysHint() {
  return (
    <p className="grid-keys" data-testid="grid-keys" aria-hidden="true">
      <kbd>Arrows</kbd> move · on a heading <kbd>Enter</kbd> sorts, <kbd>Alt+↓</kbd> opens its filter · <kbd>Shift+arrows</kbd> pick cells · <kbd>{COPY}</kbd> copies · <kbd>Tab</kbd>{' '}
      leaves the grid
    </p>
  );
}

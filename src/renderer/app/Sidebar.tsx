import { useRef, useState, type KeyboardEvent } from 'react';
import { AREAS, shortcutDigit, type AreaId } from './areas';
import { AreaIcon } from './area-icons';
import { useAppState } from './app-state';
import { OrgSwitcher } from './OrgSwitcher';

interface SidebarProps {
  area: AreaId;
  onSelectArea: (area: AreaId) => void;
}

interface CollapsibleSidebarProps extends SidebarProps {
  /** Folded to a rail of area icons; the org switcher and names are hidden. */
  collapsed: boolean;
  onToggle: () => void;
}

export function Sidebar({ area, onSelectArea, collapsed, onToggle }: CollapsibleSidebarProps) {
  const { workspace } = useAppState();
  return (
    <aside className="sidebar" aria-label="Workspace and areas" data-collapsed={collapsed || undefined}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          C
        </span>
        <span className="brand-name">Closebook</span>
        <button
          type="button"
          className="sidebar-toggle"
          onClick={onToggle}
          aria-expanded={!collapsed}
          aria-label={collapsed ? 'Show the sidebar' : 'Fold the sidebar'}
          title={collapsed ? 'Show the sidebar (organization, area names)' : 'Fold the sidebar to icons, for more columns'}
          data-testid="sidebar-toggle"
        >
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5">
            <rect x="2" y="3" width="12" height="10" rx="1.5" />
            <path d={collapsed ? 'M6 3v10M9 6.5 10.5 8 9 9.5' : 'M6 3v10M11 6.5 9.5 8 11 9.5'} />
          </svg>
        </button>
      </div>
      <div className="workspace-name" data-testid="workspace-name" title={workspace?.path}>
        {workspace?.name ?? '\u00a0'}
      </div>
      {/* Folded, the shell shows the switcher in the top bar instead. */}
      {!collapsed && <OrgSwitcher />}
      <AreaNav area={area} onSelectArea={onSelectArea} />
      {workspace && <div className="sidebar-footer">Closebook {workspace.appVersion}</div>}
    </aside>
  );
}

/**
 * One Tab stop for the whole list (roving tabindex): Tab enters at the current area,
 * arrow keys, Home and End move between areas, Enter or Space opens one.
 */
function AreaNav({ area, onSelectArea }: SidebarProps) {
  const [focusIndex, setFocusIndex] = useState(() => AREAS.findIndex((a) => a.id === area));
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  const moveFocus = (index: number) => {
    const next = (index + AREAS.length) % AREAS.length;
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: AREAS.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      moveFocus(moves[event.key]);
    }
  };

  return (
    <nav className="area-nav" aria-label="Areas">
      <ul>
        {AREAS.map((a, index) => {
          const current = a.id === area;
          return (
            <li key={a.id}>
              <button
                ref={(element) => {
                  buttons.current[index] = element;
                }}
                type="button"
                id={`area-${a.id}`}
                className="area-item"
                data-testid={`area-${a.id}`}
                aria-current={current ? 'page' : undefined}
                // Upcoming areas stay focusable (and announced) but do nothing.
                aria-disabled={a.enabled ? undefined : true}
                aria-keyshortcuts={shortcutDigit(index) === null ? undefined : `Alt+${shortcutDigit(index)}`}
                tabIndex={index === focusIndex ? 0 : -1}
                onFocus={() => setFocusIndex(index)}
                onKeyDown={(event) => onKeyDown(event, index)}
                onClick={() => a.enabled && onSelectArea(a.id)}
                title={a.enabled ? (shortcutDigit(index) === null ? a.label : `${a.label} (Alt+${shortcutDigit(index)})`) : `${a.label}: coming in a later version`}
              >
                <AreaIcon area={a.id} />
                <span className="area-label">{a.label}</span>
                {a.enabled ? shortcutDigit(index) !== null && <kbd className="area-shortcut">Alt+{shortcutDigit(index)}</kbd> : <span className="area-soon">Soon</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

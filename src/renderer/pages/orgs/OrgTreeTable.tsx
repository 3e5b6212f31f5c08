import type { Org } from '../../../shared/contract/orgs';
import { orgTree } from '../../app/org-tree';
import { formatDateTime } from '../../format/date-format';

interface OrgTreeTableProps {
  orgs: readonly Org[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** The org the sidebar has chosen (the other screens show it). */
  currentOrgId: string | null;
}

/** Every org, children indented under their parent; a name button selects its org. */
export function OrgTreeTable({ orgs, selectedId, onSelect, currentOrgId }: OrgTreeTableProps) {
  const byId = new Map(orgs.map((org) => [org.id, org]));
  return (
    <div className="org-table-frame">
      <table className="org-table" data-testid="org-tree">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Currency</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {orgTree(orgs).map(({ org, depth }) => {
            const selected = org.id === selectedId;
            const parent = org.parentId ? byId.get(org.parentId) : undefined;
            return (
              <tr key={org.id} className={selected ? 'org-row org-row-selected' : 'org-row'} data-org-id={org.id} data-depth={depth} data-testid="org-row">
                <td>
                  <button
                    type="button"
                    className="org-name-button"
                    style={{ paddingLeft: `${8 + depth * 22}px` }}
                    aria-pressed={selected}
                    onClick={() => onSelect(org.id)}
                    data-testid="org-row-name"
                  >
                    {depth > 0 && (
                      <span className="org-branch" aria-hidden="true">
                        └
                      </span>
                    )}
                    <span className="org-name">{org.name}</span>
                    {parent && <span className="visually-hidden">, under {parent.name}</span>}
                    {org.id === currentOrgId && (
                      <span className="badge org-current-badge" title="The organization the sidebar has chosen: the other screens show it">
                        Current
                      </span>
                    )}
                  </button>
                </td>
                <td className="org-currency" data-testid="org-row-currency">
                  {org.currency}
                </td>
                <td className="muted">{formatDateTime(org.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

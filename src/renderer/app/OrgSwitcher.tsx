import type { Org } from '../../shared/contract/orgs';
import { useAppState } from './app-state';

/** Depth of each org under its root, so child orgs can be indented under their parent. */
function depthsOf(orgs: Org[]): Map<string, number> {
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const depths = new Map<string, number>();
  const depthOf = (org: Org, seen: Set<string>): number => {
    const known = depths.get(org.id);
    if (known !== undefined) return known;
    const parent = org.parentId ? byId.get(org.parentId) : undefined;
    // A cycle or a missing parent would be a data error; treat the org as a root then.
    const depth = parent && !seen.has(parent.id) ? depthOf(parent, seen.add(org.id)) + 1 : 0;
    depths.set(org.id, depth);
    return depth;
  };
  for (const org of orgs) depthOf(org, new Set());
  return depths;
}

/**
 * <option> ignores padding, so nesting is drawn in text: "└ " under the parent, two
 * non-breaking spaces per further level. Kept short because the closed select shows it too.
 */
function nestingPrefix(depth: number): string {
  return depth === 0 ? '' : '\u00a0\u00a0'.repeat(depth - 1) + '└ ';
}

export function OrgSwitcher() {
  const { orgs, orgsLoaded, orgId, selectOrg, error } = useAppState();
  const depths = depthsOf(orgs);
  return (
    <div className="field">
      <label className="field-label" htmlFor="org-switcher">
        Organization
      </label>
      <select
        id="org-switcher"
        className="select"
        data-testid="org-switcher"
        value={orgId ?? ''}
        title={orgs.find((o) => o.id === orgId)?.name}
        disabled={orgs.length === 0}
        onChange={(event) => selectOrg(event.target.value)}
      >
        {orgs.length === 0 && <option value="">{orgsLoaded ? 'No organizations' : error ? '—' : 'Loading…'}</option>}
        {orgs.map((org) => (
          <option key={org.id} value={org.id}>
            {nestingPrefix(depths.get(org.id) ?? 0)}
            {org.name}
          </option>
        ))}
      </select>
    </div>
  );
}

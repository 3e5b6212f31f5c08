import { useAppState } from './app-state';
import { nestingPrefix, orgTree } from './org-tree';

export function OrgSwitcher({ inline = false }: { inline?: boolean }) {
  const { orgs, orgsLoaded, orgId, selectOrg, error } = useAppState();
  return (
    <div className={inline ? 'field field-inline' : 'field'}>
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
        {orgTree(orgs).map(({ org, depth }) => (
          <option key={org.id} value={org.id}>
            {nestingPrefix(depth)}
            {org.name}
          </option>
        ))}
      </select>
    </div>
  );
}

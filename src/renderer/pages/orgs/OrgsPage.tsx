import { useState } from 'react';
import type { Org } from '../../../shared/contract/orgs';
import { useAppState } from '../../app/app-state';
import { CreateOrgForm } from './CreateOrgForm';
import { OrgDetailsForm } from './OrgDetailsForm';
import { OrgTreeTable } from './OrgTreeTable';
import '../../styles/orgs.css';

/** What the side panel shows: the selected org, or a form for a new one (under a parent or not). */
type Panel = { kind: 'details' } | { kind: 'create'; parentId: string | null; serial: number };

/** Organization settings: the org tree; create a top-level or child org, rename, currency, parent. */
export function OrgsPage() {
  const { orgs, orgId, noteOrgsChanged } = useAppState();
  const [chosen, setChosen] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>({ kind: 'details' });
  const [created, setCreated] = useState<string | null>(null);
  // The org chosen here, else the one the sidebar shows.
  const selectedId = chosen && orgs.some((org) => org.id === chosen) ? chosen : orgId;
  const selected = orgs.find((org) => org.id === selectedId) ?? null;

  const startCreate = (parentId: string | null) => setPanel((current) => ({ kind: 'create', parentId, serial: (current.kind === 'create' ? current.serial : 0) + 1 }));
  const onCreated = (org: Org) => {
    setChosen(org.id);
    setCreated(org.name);
    setPanel({ kind: 'details' });
    noteOrgsChanged();
  };

  return (
    <div className="orgs-page" data-testid="orgs-page">
      <div className="toolbar">
        <p className="muted orgs-intro">
          Each organization keeps its own revenues, imports and periods; a child org is reported under its parent. Its reporting currency can
          change only while it holds no revenues.
        </p>
        <div className="toolbar-actions">
          <button type="button" className="button button-primary" onClick={() => startCreate(null)} data-testid="new-org">
            New organization…
          </button>
        </div>
      </div>
      {created && panel.kind === 'details' && (
        <p className="notice notice-success" role="status" data-testid="org-created">
          Created {created}.
        </p>
      )}
      <div className="orgs-layout">
        <OrgTreeTable
          orgs={orgs}
          selectedId={panel.kind === 'details' ? selectedId : null}
          currentOrgId={orgId}
          onSelect={(id) => {
            setChosen(id);
            setCreated(null);
            setPanel({ kind: 'details' });
          }}
        />
        <aside className="org-panel" aria-labelledby="org-panel-title" data-testid="org-panel">
          {panel.kind === 'create' ? (
            <>
              <h2 className="org-panel-title" id="org-panel-title">
                {panel.parentId ? `New organization under ${orgs.find((org) => org.id === panel.parentId)?.name ?? 'its parent'}` : 'New organization'}
              </h2>
              <CreateOrgForm key={panel.serial} parents={orgs} parentId={panel.parentId} onCreated={onCreated} onCancel={() => setPanel({ kind: 'details' })} autoFocus />
            </>
          ) : selected ? (
            <>
              <h2 className="org-panel-title" id="org-panel-title">
                {selected.name}
              </h2>
              <OrgDetailsForm
                key={selected.id}
                org={selected}
                orgs={orgs}
                onSaved={() => {
                  setCreated(null);
                  noteOrgsChanged();
                }}
                onAddChild={() => startCreate(selected.id)}
              />
            </>
          ) : (
            <p className="muted" id="org-panel-title">
              Choose an organization to see and change its settings.
            </p>
          )}
        </aside>
      </div>
    </div>
  );
}

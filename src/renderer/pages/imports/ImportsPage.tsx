import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAppState } from '../../app/app-state';
import { subtreeIds } from '../../app/org-tree';
import { IncludeChildrenToggle } from '../../grid/IncludeChildrenToggle';
import { useScreenSetup } from '../../grid/use-screen-setup';
import { IMPORT_BATCH_COLUMNS } from '../../../shared/contract/imports';
import { BatchesGrid } from './BatchesGrid';
import { BatchOutcomes } from './BatchOutcomes';
import { useImportWizard } from './import-wizard-context';
import { ProfilesPanel } from './profiles/ProfilesPanel';

// The batches grid's columns a kept setup may name (the Organization column included).
const SETUP_COLUMNS = [...IMPORT_BATCH_COLUMNS, 'orgId'];

/** The Imports screen: every batch with its counts; a batch opens its per-row outcomes. */
export function ImportsPage() {
  const { view, orgs, loading, error, noteDataChanged } = useAppState();
  // The batches grid's sort, filters, columns and the children switch, kept per workspace.
  const setup = useScreenSetup('imports', SETUP_COLUMNS);
  const wizard = useImportWizard();
  const { requestedBatch, noteImportsChanged } = wizard;
  const [selectedBatch, setSelectedBatch] = useState<number | null>(requestedBatch?.batchId ?? null);
  const [profilesOpen, setProfilesOpen] = useState(false);
  const orgId = view?.orgId ?? null;
  const orgNames = useMemo(() => new Map(orgs.map((o) => [o.id, o.name])), [orgs]);
  const childNames = useMemo(() => {
    if (!orgId) return [];
    const below = subtreeIds(orgs, orgId);
    return orgs.filter((o) => o.id !== orgId && below.has(o.id)).map((o) => o.name);
  }, [orgs, orgId]);
  const [includeChildrenChosen, setIncludeChildrenChosen] = useState<boolean | null>(null);
  const includeChildren = (includeChildrenChosen ?? setup.opened.includeChildren === true) && childNames.length > 0;
  const setIncludeChildren = (checked: boolean) => {
    setIncludeChildrenChosen(checked);
    setup.update({ includeChildren: checked });
  };

  // "Show batch N" from the wizard opens that batch here.
  useEffect(() => {
    if (requestedBatch) setSelectedBatch(requestedBatch.batchId);
  }, [requestedBatch]);
  // Another org's batches are another list: nothing stays open across the switch.
  const [shownOrg, setShownOrg] = useState(orgId);
  if (shownOrg !== orgId) {
    setShownOrg(orgId);
    setSelectedBatch(null);
  }

  const onUndone = useCallback(() => {
    noteImportsChanged();
    noteDataChanged();
  }, [noteImportsChanged, noteDataChanged]);

  if (!orgId || !setup.ready) {
    if (error) return null; // the shell shows it
    return (
      <div className="page-message" data-testid="imports-empty">
        {loading ? (
          <>
            <span className="spinner" aria-hidden="true" /> Opening the workspace…
          </>
        ) : orgId ? (
          <>
            <span className="spinner" aria-hidden="true" /> Opening the workspace…
          </>
        ) : (
          // The welcome panel stands in for this screen while the workspace has no organization.
          'Choose an organization in the sidebar to see its imports.'
        )}
      </div>
    );
  }

  return (
    <div className="imports-page" data-testid="imports-page">
      <div className="imports-intro">
        <p className="muted">Every import is one batch: open a batch to see what happened to each row, export it, or undo it.</p>
        <div className="toolbar-actions">
          {childNames.length > 0 && <IncludeChildrenToggle checked={includeChildren} onChange={setIncludeChildren} childNames={childNames} />}
          <button type="button" className="button" onClick={() => setProfilesOpen(true)} data-testid="open-profiles">
            Mapping profiles…
          </button>
          <button type="button" className="button button-primary" onClick={() => wizard.open()} data-testid="open-import-wizard">
            Import file…
          </button>
        </div>
      </div>
      <BatchesGrid
        orgId={orgId}
        includeChildren={includeChildren}
        orgNames={orgNames}
        setup={setup}
        period={view?.period ?? null}
        refreshKey={wizard.importsVersion}
        selectedBatchId={selectedBatch}
        onSelect={setSelectedBatch}
        onOpenWizard={() => wizard.open()}
        compact={selectedBatch !== null}
      />
      {selectedBatch !== null && (
        <BatchOutcomes key={selectedBatch} batchId={selectedBatch} refreshKey={wizard.importsVersion} onUndone={onUndone} onClose={() => setSelectedBatch(null)} />
      )}
      {profilesOpen && <ProfilesPanel onClose={() => setProfilesOpen(false)} />}
    </div>
  );
}

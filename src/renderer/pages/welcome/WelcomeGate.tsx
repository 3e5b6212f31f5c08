import { useEffect, useState, type ReactNode } from 'react';
import { useAppState } from '../../app/app-state';
import { useImportWizard } from '../imports/import-wizard-context';
import { WelcomePanel } from './WelcomePanel';

/** True once the org list has arrived and is empty: the workspace has no organization. */
export function useWorkspaceIsEmpty(): boolean {
  const { orgsLoaded, orgs, error } = useAppState();
  return orgsLoaded && orgs.length === 0 && !error;
}

/**
 * Every screen needs an organization: until the workspace has one, the welcome panel
 * stands in for them (in every area, so switching areas does not cancel a demo load).
 */
export function WelcomeGate({ children }: { children: ReactNode }) {
  const { orgId, selectOrg, noteOrgsChanged } = useAppState();
  const empty = useWorkspaceIsEmpty();
  const { open: openWizard } = useImportWizard();
  // The org just created: the import wizard opens once the org list has it and it is chosen.
  const [wizardFor, setWizardFor] = useState<string | null>(null);

  useEffect(() => {
    if (wizardFor === null || orgId !== wizardFor) return;
    setWizardFor(null);
    openWizard();
  }, [wizardFor, orgId, openWizard]);

  if (!empty) return children;
  return (
    <WelcomePanel
      onOrgCreated={(org) => {
        selectOrg(org.id);
        setWizardFor(org.id);
        noteOrgsChanged();
      }}
    />
  );
}

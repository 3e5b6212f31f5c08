import { useState } from 'react';
import type { Org } from '../../../shared/contract/orgs';
import { api } from '../../api/client';
import { useAppState } from '../../app/app-state';
import { CreateOrgForm } from '../orgs/CreateOrgForm';
import { DemoLoadCard } from './DemoLoadCard';
import '../../styles/orgs.css';

/** What an empty workspace shows: create an organization, or load the demo data. */
export function WelcomePanel({ onOrgCreated }: { onOrgCreated: (org: Org) => void }) {
  const { workspace } = useAppState();
  const [demoRunning, setDemoRunning] = useState(false);
  const [created, setCreated] = useState(false);
  return (
    <div className="welcome" data-testid="welcome">
      <p className="welcome-lead">
        {workspace ? (
          <>
            The workspace <strong>{workspace.name}</strong> has no organization yet.
          </>
        ) : (
          'This workspace has no organization yet.'
        )}{' '}
        Revenues, imports and every other screen work on an organization: create yours and bring in your first file, or look around with the demo
        data.
      </p>
      <div className="welcome-cards">
        <section className="welcome-card" aria-labelledby="welcome-create-title" data-testid="welcome-create">
          <h2 id="welcome-create-title" className="welcome-card-title">
            Create an organization
          </h2>
          <p className="welcome-card-text">Its name and the currency it reports in. The import wizard opens next, for your first revenue file.</p>
          {/* One write at a time: the form waits while the demo is being written. */}
          <fieldset className="welcome-fieldset" disabled={demoRunning || created}>
            <CreateOrgForm
              submitLabel="Create and import a file"
              onCreated={(org) => {
                setCreated(true);
                onOrgCreated(org);
              }}
            />
          </fieldset>
        </section>
        <DemoLoadCard onRunningChange={setDemoRunning} />
      </div>
      <p className="welcome-footnote muted">
        {api.mode === 'desktop'
          ? 'To work in another workspace file, use File > Open Workspace… or File > New Workspace….'
          : 'To work in another workspace file, start Closebook with --workspace FILE.'}
      </p>
    </div>
  );
}

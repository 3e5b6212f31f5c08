import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { ClosePage } from '../pages/close/ClosePage';
import { ImportsPage } from '../pages/imports/ImportsPage';
import { ImportWizardProvider } from '../pages/imports/import-wizard-context';
import { OrgsPage } from '../pages/orgs/OrgsPage';
import { PayeesPage } from '../pages/payees/PayeesPage';
import { PayoutsPage } from '../pages/payouts/PayoutsPage';
import { ProductsPage } from '../pages/products/ProductsPage';
import { RevenuesPage } from '../pages/revenues/RevenuesPage';
import { RulesPage } from '../pages/rules/RulesPage';
import { StatementsPage } from '../pages/statements/StatementsPage';
import { ReconciliationPage } from '../pages/reconciliation/ReconciliationPage';
import { ReportsPage } from '../pages/reports/ReportsPage';
import { SyncPage } from '../pages/sync/SyncPage';
import { useWorkspaceIsEmpty, WelcomeGate } from '../pages/welcome/WelcomeGate';
import { AppStateProvider, useAppState } from './app-state';
import { AREAS, type AreaId } from './areas';
import { OrgSwitcher } from './OrgSwitcher';
import { PeriodPicker } from './PeriodPicker';
import { Sidebar } from './Sidebar';
import { useAreaShortcuts } from './use-area-shortcuts';
import { useSidebarCollapsed } from './use-sidebar-collapsed';
import { ViewExportProvider } from './view-export';

/** Areas whose records have no month: no period picker above them. */
const UNDATED_AREAS: ReadonlySet<AreaId> = new Set(['orgs', 'payees', 'products', 'statements', 'reports', 'sync']);

export function App() {
  return (
    <AppStateProvider>
      <ViewExportProvider>
        <Shell />
      </ViewExportProvider>
    </AppStateProvider>
  );
}

function Shell() {
  const { error, retry, workspaceVersion, dataVersion } = useAppState();
  const [area, setArea] = useState<AreaId>('revenues');
  const [sidebarCollapsed, toggleSidebar] = useSidebarCollapsed();
  const selectArea = useCallback((next: AreaId) => setArea(next), []);
  const showImports = useCallback(() => setArea('imports'), []);
  useAreaShortcuts(selectArea);
  const empty = useWorkspaceIsEmpty();

  useEffect(
    () =>
      api.on('menu', (command) => {
        if (command === 'toggle-sidebar') toggleSidebar();
      }),
    [toggleSidebar],
  );

  const current = AREAS.find((a) => a.id === area) ?? AREAS[0];
  return (
    <ImportWizardProvider onShowImports={showImports}>
      <div className={sidebarCollapsed ? 'shell shell-sidebar-collapsed' : 'shell'}>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Sidebar area={area} onSelectArea={selectArea} collapsed={sidebarCollapsed} onToggle={toggleSidebar} />
        <main className="main" id="main" tabIndex={-1}>
          <header className="topbar">
            <h1 className="page-title">{empty ? 'Welcome to Closebook' : current.label}</h1>
            {/* Periods belong to an org's data: nothing to pick on the welcome panel or the org settings. */}
            <div className="topbar-pickers">
              {sidebarCollapsed && !empty && <OrgSwitcher inline />}
              {!empty && !UNDATED_AREAS.has(area) && <PeriodPicker />}
            </div>
          </header>
          {/* A new workspace file starts every screen afresh. */}
          <div className="page" key={workspaceVersion}>
            {error && <ErrorNotice error={error} title="Could not open the workspace" onRetry={retry} />}
            {/* Until the workspace has an organization, the welcome panel stands in for every screen. */}
            <WelcomeGate>
              {/* Keyed by the data version: after an import or undo the grid reads its rows again. */}
              {area === 'revenues' && <RevenuesPage key={dataVersion} />}
              {area === 'imports' && <ImportsPage />}
              {area === 'rules' && <RulesPage key={dataVersion} />}
              {area === 'payouts' && <PayoutsPage key={dataVersion} />}
              {area === 'payees' && <PayeesPage key={dataVersion} />}
              {area === 'products' && <ProductsPage key={dataVersion} />}
              {area === 'statements' && <StatementsPage key={dataVersion} />}
              {area === 'reconciliation' && <ReconciliationPage key={dataVersion} />}
              {area === 'reports' && <ReportsPage />}
              {area === 'close' && <ClosePage />}
              {area === 'sync' && <SyncPage />}
              {area === 'orgs' && <OrgsPage />}
            </WelcomeGate>
          </div>
        </main>
      </div>
    </ImportWizardProvider>
  );
}

import type { Period } from '../../shared/period';
import type { Database } from '../db/driver';
import { cycleContaining, cyclesBetween } from '../statements/billing-cycle';
import { setAnchorDay, todayIn } from '../statements/billing-settings';
import { grantCredits } from '../statements/credit-store';
import { ensureStatements } from '../statements/generate';
import { savePlans } from '../statements/plan-store';
import { saveUsage } from '../statements/usage-store';
import type { DemoOrg } from './demo-rows';
import type { SeededRandom } from './random';

// Statements for the demo: each org bills on its own anchor day (1, 15 and 31, so February's
// short cycle shows), on a plan whose prices rise on the 20th of the demo's seventh month
// (inside a cycle: that statement is prorated by days), with a year of usage and a few
// credits (one larger than a statement). Written through the same checks as plans.batch,
// usage.batch and credits.batch; past cycles' statements are generated here.

const ANCHORS = [1, 15, 31];

interface PlanPrices {
  subscription_price: string;
  ppu_price: string;
  section_widget_price: string;
  column_widget_price: string;
  record_storage_price: string;
  file_storage_price: string;
  backup_price: string;
}

const BEFORE: PlanPrices = {
  subscription_price: '12',
  ppu_price: '0.002',
  section_widget_price: '0.01',
  column_widget_price: '0.005',
  record_storage_price: '0.0004',
  file_storage_price: '23',
  backup_price: '1.50',
};
const AFTER: PlanPrices = { ...BEFORE, subscription_price: '15', ppu_price: '0.0025', file_storage_price: '25' };

function day(period: Period, dayOfMonth: number): string {
  return `${period}-${String(dayOfMonth).padStart(2, '0')}`;
}

export function writeDemoStatements(db: Database.Database, random: SeededRandom, orgs: readonly DemoOrg[], months: readonly Period[]): void {
  const first = day(months[0]!, 1);
  const change = day(months[6]!, 20);
  const lastMonth = months[months.length - 1]!;
  orgs.forEach((org, index) => {
    const anchor = ANCHORS[index % ANCHORS.length]!;
    setAnchorDay(db, org.id, anchor);
    savePlans(db, org.id, [
      { external_id: 'plan-team', name: 'Team', effective_from: first, effective_to: day(months[6]!, 19), is_subscription: true, ...BEFORE },
      { external_id: 'plan-team-2', name: 'Team (new prices)', effective_from: change, effective_to: null, is_subscription: true, ...AFTER },
    ]);
    const today = todayIn(org.time_zone);
    const current = cycleContaining(today, anchor);
    const end = day(lastMonth, 28) < current.start ? day(lastMonth, 28) : current.start;
    let seats = random.between(5, 40);
    let versions = random.between(20_000, 80_000);
    let fileMb = random.between(50_000, 400_000);
    const usage = cyclesBetween(first, end, anchor).map((cycle) => {
      seats = Math.max(1, seats + random.between(-2, 4));
      versions += random.between(1_000, 9_000);
      fileMb += random.between(2_000, 30_000);
      return {
        cycle_start: cycle.start,
        seats,
        record_count: random.between(2_000, 60_000),
        section_widget_uses: random.between(0, 4_000),
        column_widget_uses: random.between(0, 9_000),
        version_count: versions,
        file_size_mb: fileMb,
        backups: random.between(4, 31),
      };
    });
    saveUsage(db, org.id, usage, today);
    grantCredits(db, org.id, [
      { external_id: 'welcome', granted_on: first, amount: '200', note: 'Welcome credit' },
      { external_id: 'outage', granted_on: day(months[4]!, 12), amount: index === 0 ? '2500' : '75.50', note: index === 0 ? 'Service credit (outage)' : 'Service credit' },
    ]);
    ensureStatements(db, org.id, 'on-read', today);
  });
}

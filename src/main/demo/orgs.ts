import type { DemoOrg } from './demo-rows';
import { COMPANY_STEMS, EU_CHILD_SUFFIXES, PARENT_SUFFIXES, US_CHILD_SUFFIXES } from './name-lists';
import type { SeededRandom } from './random';

/**
 * One parent and two children: a large US arm and a European arm that bills mostly in
 * EUR and GBP, so the workspace as a whole is mostly USD with real EUR/GBP volume.
 * Shares are exact percentages so row counts per org are predictable (the benchmark
 * exports exactly half of the rows: the US arm's).
 */
export function buildOrgs(random: SeededRandom, createdAt: string): DemoOrg[] {
  const stem = random.pick(COMPANY_STEMS);
  const parentId = random.uuid();
  const parent: DemoOrg = {
    id: parentId,
    name: `${stem} ${random.pick(PARENT_SUFFIXES)}`,
    parent_id: null,
    currency: 'USD',
    time_zone: 'America/New_York',
    created_at: createdAt,
    revenueShare: 20,
    currencyWeights: [94, 4, 2],
    payeeCount: 10,
    productCount: 50,
  };
  const us: DemoOrg = {
    id: random.uuid(),
    name: `${stem} ${random.pick(US_CHILD_SUFFIXES)}`,
    parent_id: parentId,
    currency: 'USD',
    time_zone: 'America/Los_Angeles',
    created_at: createdAt,
    revenueShare: 50,
    currencyWeights: [92, 5, 3],
    payeeCount: 30,
    productCount: 150,
  };
  const eu: DemoOrg = {
    id: random.uuid(),
    name: `${stem} ${random.pick(EU_CHILD_SUFFIXES)}`,
    parent_id: parentId,
    currency: 'EUR',
    time_zone: 'Europe/Berlin',
    created_at: createdAt,
    revenueShare: 30,
    currencyWeights: [20, 55, 25],
    payeeCount: 20,
    productCount: 100,
  };
  return [parent, us, eu];
}

import type { DemoOrg, DemoPayee } from './demo-rows';
import { externalId } from './external-ids';
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, STUDIO_WORDS } from './name-lists';
import type { SeededRandom } from './random';

// Minimum payouts as accountants set them: round amounts, in micro-units.
const THRESHOLDS_MICROS = [0, 10_000_000, 25_000_000, 50_000_000, 100_000_000, 250_000_000];
// Shares paid when no payout rule matches, as decimal strings (never floats).
const FALLBACK_PERCENTAGES = ['10', '12.5', '15', '20', '25', '7.75', '33.333'];

/** The payees of every org, ids 1..n, with names unique within the workspace. */
export function buildPayees(random: SeededRandom, orgs: readonly DemoOrg[], createdAt: string, key: number): DemoPayee[] {
  const payees: DemoPayee[] = [];
  const usedNames = new Set<string>();
  for (const org of orgs) {
    for (let i = 0; i < org.payeeCount; i++) {
      const id = payees.length + 1;
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      // About one payee in six is a studio or label rather than a person.
      let name = random.percent(16) ? `${last} ${random.pick(STUDIO_WORDS)}` : `${first} ${last}`;
      if (usedNames.has(name)) name = `${name} ${id}`;
      usedNames.add(name);
      const local = name.toLowerCase().replace(/[^a-z0-9]+/g, '.');
      payees.push({
        id,
        org_id: org.id,
        external_id: externalId('pay_', id, key),
        name,
        email: `${local}@${random.pick(EMAIL_DOMAINS)}`,
        on_hold: random.percent(12) ? 1 : 0,
        threshold_micros: random.pick(THRESHOLDS_MICROS),
        fallback_percentage: random.percent(70) ? random.pick(FALLBACK_PERCENTAGES) : null,
        created_at: createdAt,
        updated_at: createdAt,
      });
    }
  }
  return payees;
}

import type { DemoOrg, DemoPayee } from './demo-rows';
import { externalId } from './external-ids';
import { EMAIL_DOMAINS, FIRST_NAMES, HOLD_REASONS, LAST_NAMES, PHONE_PREFIXES, STREET_NAMES, STUDIO_WORDS, TOWNS_BY_CURRENCY } from './name-lists';
import type { SeededRandom } from './random';

// Minimum payouts as accountants set them: round amounts, in micro-units.
const THRESHOLDS_MICROS = [0, 10_000_000, 25_000_000, 50_000_000, 100_000_000, 250_000_000];
// Shares paid when no payout rule matches, as decimal strings (never floats). Few payees
// have one, so an org's fallbacks add up to well under 100 and some revenue stays unallocated.
const FALLBACK_PERCENTAGES = ['5', '7.5', '10', '12.5'];
/** Payout currencies other than the org's, for payees paid abroad. */
const OTHER_PAYOUT_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'JPY', 'SEK'];

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
        phone: '',
        address: '',
        payout_currency: org.currency,
        on_hold: random.percent(12) ? 1 : 0,
        hold_reason: null,
        threshold_micros: random.pick(THRESHOLDS_MICROS),
        fallback_percentage: random.percent(12) ? random.pick(FALLBACK_PERCENTAGES) : null,
        created_at: createdAt,
        updated_at: createdAt,
      });
    }
  }
  // Contact details and holds after the names, so the names stay as they were drawn.
  for (const payee of payees) {
    if (random.percent(15)) payee.payout_currency = random.pick(OTHER_PAYOUT_CURRENCIES);
    const towns = TOWNS_BY_CURRENCY[payee.payout_currency];
    payee.address = `${random.between(1, 240)} ${random.pick(STREET_NAMES)}\n${random.pick(towns)}`;
    payee.phone = `${PHONE_PREFIXES[payee.payout_currency]} ${String(random.between(100, 999))} ${String(random.between(1000, 9999))}`;
    if (payee.on_hold === 1) payee.hold_reason = random.pick(HOLD_REASONS);
  }
  return payees;
}

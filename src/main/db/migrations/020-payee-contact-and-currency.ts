import type { Migration } from './types';

// Payees gain contact details (phone, postal address), the currency they are paid in
// (ISO 4217, checked by the record reader against the runtime's currency list) and why a
// payee is on hold. Added columns only: existing payees keep their values, the new ones
// start empty. A hold reason goes with a payee on hold; releasing clears it. The Payees and
// Products grids open sorted by name: (org_id, name) answers such a page from the index
// alone (payees/list.ts and products/list.ts say when it is used).
export const payeeContactAndCurrency: Migration = {
  id: 20,
  name: 'payee-contact-and-currency',
  sql: `
    ALTER TABLE payees ADD COLUMN phone TEXT;
    ALTER TABLE payees ADD COLUMN address TEXT;
    ALTER TABLE payees ADD COLUMN payout_currency TEXT CHECK (payout_currency IS NULL OR payout_currency GLOB '[A-Z][A-Z][A-Z]');
    ALTER TABLE payees ADD COLUMN hold_reason TEXT CHECK (hold_reason IS NULL OR on_hold = 1);
    CREATE INDEX payees_org_name ON payees(org_id, name);
    CREATE INDEX products_org_name ON products(org_id, name);
  `,
};

// Words the demo draws names from. Plain lists so a reader sees what the data can contain.

export const COMPANY_STEMS = [
  'Northwind', 'Bluefin', 'Kestrel', 'Lumen', 'Marlow', 'Copperleaf', 'Juniper', 'Alder',
  'Silverline', 'Greystone', 'Oakridge', 'Brightwater', 'Fairlight', 'Redwood', 'Tidewater', 'Harbor & Vale',
] as const;

export const PARENT_SUFFIXES = ['Media Group', 'Holdings', 'Publishing Group', 'Creative Group'] as const;

/** The two child orgs: a large US arm and a smaller European one. */
export const US_CHILD_SUFFIXES = ['Publishing US, Inc.', 'Digital LLC', 'Studios, Inc.', 'Learning Inc.'] as const;
export const EU_CHILD_SUFFIXES = ['Audio Ltd', 'Europe B.V.', 'Learning GmbH', 'Editions SAS'] as const;

export const FIRST_NAMES = [
  'Ada', 'Ben', 'Chloe', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas',
  'Kara', 'Liam', 'Maya', 'Noah', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Samir', 'Tara',
  'Umar', 'Vera', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Amara', 'Bruno', 'Camille', 'Dmitri',
  'Emeka', 'Freya', 'Gustav', 'Hana', 'Ivan', 'Jade', 'Kofi', 'Lena', 'Mateo', 'Nadia',
] as const;

export const LAST_NAMES = [
  'Anderson', 'Becker', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jensen',
  'Kowalski', 'Larsen', 'Morales', 'Nakamura', 'Okafor', 'Petrov', 'Quinlan', 'Rossi', 'Schmidt', 'Tanaka',
  'Urban', 'Varga', 'Walsh', 'Xu', 'Yilmaz', 'Zimmermann', 'Abbott', 'Brennan', 'Carver', 'Dawson',
  'Ellison', 'Foster', 'Gallagher', 'Hoffman', 'Ibarra', 'Johansson', 'Keller', 'Lindqvist', 'Mendes', 'Novak',
] as const;

/** Studio-style payee names, for payees that are companies rather than people. */
export const STUDIO_WORDS = ['Studio', 'Press', 'Audio', 'Works', 'Collective', 'Media', 'Labs', 'Sound'] as const;

/** Reserved example domains (RFC 2606/6761): realistic addresses that reach no one. */
export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example', 'studio.test'] as const;

/** Street and town words for payees' postal addresses (fictional places). */
export const STREET_NAMES = ['Mill Lane', 'Harbour Road', 'Linden Street', 'Station Road', 'Orchard Way', 'Canal Street', 'Elm Avenue', 'Market Square'] as const;
export const TOWNS_BY_CURRENCY: Readonly<Record<string, readonly string[]>> = {
  USD: ['Springfield, OR 97477', 'Fairview, TN 37062', 'Riverside, CA 92501', 'Madison, WI 53703'],
  EUR: ['10115 Berlin', '75011 Paris', '1012 Amsterdam', '28013 Madrid'],
  GBP: ['Bristol BS1 4DJ', 'Leeds LS1 1UR', 'Brighton BN1 1AE'],
  CAD: ['Halifax, NS B3H 1A1', 'Victoria, BC V8W 1P6'],
  JPY: ['Setagaya, Tokyo 154-0001'],
  SEK: ['111 29 Stockholm'],
};
/** Phone prefixes that go with the payout currency's country (fictional numbers follow). */
export const PHONE_PREFIXES: Readonly<Record<string, string>> = { USD: '+1 555', EUR: '+49 30', GBP: '+44 20', CAD: '+1 902', JPY: '+81 3', SEK: '+46 8' };
/** Why an accountant puts a payee's payouts on hold. */
export const HOLD_REASONS = [
  'Tax form (W-9/W-8BEN) missing',
  'Bank details bounced; waiting for new account',
  'Royalty statement disputed',
  'Contract renewal pending signature',
  'Identity check requested by the bank',
] as const;

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

// What the demo catalog sells: each category fixes how its products are priced, so
// amounts look like the real thing (cover prices, seat prices, sub-cent usage rates).

export type Pricing = 'fixed' | 'usage' | 'seats';

export interface CategorySpec {
  name: string;
  pricing: Pricing;
  /** Price range in micro-units per unit (usage) or per item/seat (fixed, seats). */
  minPriceMicros: number;
  maxPriceMicros: number;
  /** Price granularity in micros: 10_000 is whole cents, 100 allows 0.0125-style rates. */
  priceStepMicros: number;
  /** What one unit is, for usage lines ("stream", "API call"). */
  unit: string;
  /** Relative share of the catalog. */
  weight: number;
  formats: readonly string[];
}

export const CATEGORIES: readonly CategorySpec[] = [
  { name: 'Ebooks', pricing: 'fixed', minPriceMicros: 2_990_000, maxPriceMicros: 19_990_000, priceStepMicros: 10_000, unit: 'copy', weight: 24, formats: ['EPUB', 'PDF', 'Kindle'] },
  { name: 'Audiobooks', pricing: 'fixed', minPriceMicros: 9_990_000, maxPriceMicros: 34_990_000, priceStepMicros: 10_000, unit: 'copy', weight: 14, formats: ['MP3', 'M4B'] },
  { name: 'Online courses', pricing: 'fixed', minPriceMicros: 29_000_000, maxPriceMicros: 299_000_000, priceStepMicros: 1_000_000, unit: 'enrolment', weight: 12, formats: ['Video', 'Self-paced', 'Cohort'] },
  { name: 'Music streaming', pricing: 'usage', minPriceMicros: 2_800, maxPriceMicros: 5_200, priceStepMicros: 100, unit: 'stream', weight: 16, formats: ['Single', 'Album', 'EP'] },
  { name: 'API usage', pricing: 'usage', minPriceMicros: 5_000, maxPriceMicros: 25_000, priceStepMicros: 2_500, unit: 'API call', weight: 8, formats: ['REST', 'GraphQL'] },
  { name: 'Stock media', pricing: 'fixed', minPriceMicros: 2_000_000, maxPriceMicros: 79_000_000, priceStepMicros: 500_000, unit: 'licence', weight: 14, formats: ['Photo', 'Vector', 'Video clip'] },
  { name: 'Subscriptions', pricing: 'seats', minPriceMicros: 6_000_000, maxPriceMicros: 49_000_000, priceStepMicros: 1_000_000, unit: 'seat', weight: 12, formats: ['Monthly', 'Team'] },
];

export const TITLE_ADJECTIVES = [
  'Quiet', 'Hidden', 'Northern', 'Silver', 'Broken', 'Endless', 'Golden', 'Restless', 'Distant', 'Wild',
  'Practical', 'Modern', 'Complete', 'Essential', 'Advanced', 'Gentle', 'Midnight', 'Open', 'Salt', 'Paper',
] as const;

export const TITLE_NOUNS = [
  'Harbor', 'Orchard', 'Atlas', 'Lantern', 'River', 'Garden', 'Signal', 'Ledger', 'Compass', 'Meridian',
  'Archive', 'Workshop', 'Horizon', 'Canvas', 'Tide', 'Summit', 'Field Guide', 'Handbook', 'Sessions', 'Letters',
] as const;

export const TAGS = [
  'bestseller', 'new-release', 'backlist', 'bundle', 'promo', 'evergreen', 'seasonal', 'licensed',
  'exclusive', 'beta', 'enterprise', 'education', 'fiction', 'non-fiction', 'english', 'german',
  'french', 'spanish', 'award-winner', 'staff-pick',
] as const;

export const LANGUAGES = ['en', 'en', 'en', 'de', 'fr', 'es'] as const;

export const ADJUSTMENT_REASONS = [
  'Chargeback fee',
  'Manual credit',
  'Late usage true-up',
  'Currency rounding correction',
  'Marketplace fee correction',
  'Tax withholding correction',
] as const;

import type Database from 'better-sqlite3';
import type { ShowbackDimension } from '../../../shared/contract/showback';
import { isKnownCurrency } from '../../../shared/currency';
import { microsToDecimal } from '../../../shared/money';
import { invalidInput } from '../../api/failure';
import type { ReportColumn, ReportDefinition, ReportMonth, ReportParameter, ReportParams, ReportRow } from '../report-definition';
import type { ShowbackLine } from './allocate';
import { showbackLines, showbackMonths, type MethodChoice } from './month-data';

// The three showback report types of seed 000's allocation reports: each month's commitment
// premiums, rebates and commitment costs spread over accounts, services or child orgs, with
// the savings against on-demand rates. Every money column ties out to the month's totals.

const METHOD_CHOICES: MethodChoice[] = ['as_committed', 'proportional', 'even'];

const PARAMETERS: ReportParameter[] = [
  { name: 'currency', type: 'string', description: 'Only commitments and usage in this ISO 4217 currency; all currencies (each on its own rows) when not given.', required: false, default: null },
  {
    name: 'allocation_method',
    type: 'enum',
    description: "as_committed: each commitment's own method (proportional, even or fixed shares); proportional or even: every commitment spread that way instead.",
    required: false,
    default: 'as_committed',
    values: METHOD_CHOICES,
  },
];

const money = (name: string, description: string): ReportColumn => ({ name, type: 'money', description, currency_column: 'currency' });

const FIGURES: ReportColumn[] = [
  { name: 'row_type', type: 'string', description: 'allocated, or unallocated: commitment figures of a month with no covered usage to spread them over.' },
  { name: 'currency', type: 'string', description: 'ISO 4217 currency of the row; currencies are never mixed.' },
  money('on_demand_cost', 'Usage no commitment covered, at on-demand rates.'),
  money('covered_cost', 'On-demand equivalent of the usage commitments covered.'),
  money('premium', "The target's share of the month's commitment premiums."),
  money('rebates', "The target's share of the month's rebates."),
  money('commitment_cost', "The target's share of the month's commitment costs."),
  money('effective_cost', 'premium + commitment_cost - rebates.'),
  money('savings', 'covered_cost - effective_cost: what the commitments saved against on-demand rates (negative: they cost more).'),
  money('total_cost', 'on_demand_cost + effective_cost: what the target is shown as costing.'),
];

interface Spec {
  report_type: string;
  title: string;
  dimension: ShowbackDimension;
  targetColumns: ReportColumn[];
  /** The target's cells; null target: the unallocated row. */
  targetCells(target: string | null, names: ReadonlyMap<string, string>): ReportRow;
}

const SPECS: Spec[] = [
  {
    report_type: 'showback_by_account',
    title: 'Showback of commitments by account',
    dimension: 'account',
    targetColumns: [{ name: 'account', type: 'string', description: 'The account; empty on the unallocated row.' }],
    targetCells: (target) => ({ account: target }),
  },
  {
    report_type: 'showback_by_service',
    title: 'Showback of commitments by service',
    dimension: 'service',
    targetColumns: [{ name: 'service', type: 'string', description: 'The service; empty on the unallocated row.' }],
    targetCells: (target) => ({ service: target }),
  },
  {
    report_type: 'showback_by_child_org',
    title: 'Showback of commitments by child org',
    dimension: 'child_org',
    targetColumns: [
      { name: 'child_org_id', type: 'string', description: 'The org itself or one of its direct children (usage of an org further down counts for the child above it); empty on the unallocated row.' },
      { name: 'child_org_name', type: 'string', description: "The org's name." },
    ],
    targetCells: (target, names) => ({ child_org_id: target, child_org_name: target === null ? null : (names.get(target) ?? null) }),
  },
];

function readParams(params: ReportParams): { currency: string | null; method: MethodChoice } {
  const currency = params.currency ?? null;
  if (currency !== null && (typeof currency !== 'string' || !isKnownCurrency(currency))) {
    throw invalidInput([{ field: 'params.currency', message: `${JSON.stringify(currency)} is not an ISO 4217 currency code (such as USD, in capitals)` }]);
  }
  const method = params.allocation_method ?? 'as_committed';
  if (typeof method !== 'string' || !(METHOD_CHOICES as string[]).includes(method)) {
    throw invalidInput([{ field: 'params.allocation_method', message: `must be one of ${METHOD_CHOICES.join(', ')}` }]);
  }
  return { currency, method: method as MethodChoice };
}

function monthText({ year, month }: ReportMonth): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

function row(spec: Spec, line: ShowbackLine, names: ReadonlyMap<string, string>): ReportRow {
  return {
    ...spec.targetCells(line.target, names),
    row_type: line.target === null ? 'unallocated' : 'allocated',
    currency: line.currency,
    on_demand_cost: microsToDecimal(line.on_demand),
    covered_cost: microsToDecimal(line.covered),
    premium: microsToDecimal(line.premium),
    rebates: microsToDecimal(line.rebates),
    commitment_cost: microsToDecimal(line.commitment_cost),
    effective_cost: microsToDecimal(line.effective_cost),
    savings: microsToDecimal(line.savings),
    total_cost: microsToDecimal(line.on_demand + line.effective_cost),
  };
}

function definition(spec: Spec): ReportDefinition {
  return {
    report_type: spec.report_type,
    title: spec.title,
    description:
      `Each calendar month's commitment premiums, rebates and commitment costs spread over ${spec.dimension === 'child_org' ? 'child orgs' : spec.dimension + 's'} ` +
      'in proportion to covered usage (or evenly, or by fixed shares of this dimension), with the savings against on-demand rates. ' +
      'The rows add up exactly to the month\'s totals per currency; what no covered usage can carry is an unallocated row.',
    update_cadence: 'monthly',
    parameters: PARAMETERS,
    columns: [...spec.targetColumns, ...FIGURES],
    months(db: Database.Database, orgId: string, params: ReportParams): ReportMonth[] {
      const { currency } = readParams(params);
      return showbackMonths(db, orgId, currency).map((m) => ({ year: Number(m.slice(0, 4)), month: Number(m.slice(5, 7)) }));
    },
    rows(db: Database.Database, orgId: string, month: ReportMonth, params: ReportParams): ReportRow[] {
      const lines = showbackLines(db, orgId, monthText(month), spec.dimension, readParams(params));
      if (spec.dimension !== 'child_org') return lines.map((line) => row(spec, line, new Map()));
      // Child orgs in name order (then id), each currency's unallocated row still last.
      const names = orgNames(db);
      const nameOf = (line: ShowbackLine) => (line.target === null ? null : `${names.get(line.target) ?? ''}\u0000${line.target}`);
      const sorted = [...lines].sort((a, b) => compareLines(a.currency, nameOf(a), b.currency, nameOf(b)));
      return sorted.map((line) => row(spec, line, names));
    },
  };
}

function compareLines(ca: string, a: string | null, cb: string, b: string | null): number {
  if (ca !== cb) return ca < cb ? -1 : 1;
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function orgNames(db: Database.Database): Map<string, string> {
  return new Map((db.prepare('SELECT id, name FROM orgs').all() as Array<{ id: string; name: string }>).map((o) => [o.id, o.name]));
}

export const showbackReportTypes: ReportDefinition[] = SPECS.map(definition);

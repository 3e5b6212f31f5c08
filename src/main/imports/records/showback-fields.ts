import { microsToDecimal } from '../../../shared/money';
import { readCommitment } from '../../showback/commitments';
import { RecordProblem, type Raw } from '../../showback/record-readers';
import { readUsage } from '../../showback/usage';
import { problem } from './field-problem';
import type { RawRecord } from './field-readers';

// Showback records from a file or an import batch are read by the showback batch methods'
// own readers (src/main/showback), so a file and commitments.batch / showback.usageBatch
// refuse the same things with the same words. This adapts a mapped file row to them.

/** Money fields: a file mapping hands them over as exact micro-units, the showback readers take decimal strings. */
const MONEY_FIELDS = new Set(['monthly_premium', 'commitment_cost', 'rebates', 'on_demand_cost', 'covered_cost']);

/**
 * A mapped row as the showback readers take it: empty cells are "not given" (absent),
 * amounts decimal strings, and a fixed_shares cell (text) becomes its object.
 */
export function showbackRecord(raw: RawRecord): Raw {
  const record: Raw = {};
  for (const key in raw) {
    const value = raw[key];
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
    if (typeof value === 'bigint' && MONEY_FIELDS.has(key)) record[key] = microsToDecimal(value);
    else if (key === 'fixed_shares' && typeof value === 'string') record[key] = readSharesCell(value);
    else record[key] = value;
  }
  return record;
}

/** Runs a showback reader, its RecordProblem becoming the import's FieldProblem (the same field, the same words). */
export function asFieldProblem<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof RecordProblem)) throw error;
    // "fixed_shares.shares.1.percent" is inside one cell: the row names that cell's column, the message the part.
    const dot = error.field.indexOf('.');
    if (dot === -1) throw problem(error.field, error.message);
    throw problem(error.field.slice(0, dot), `${error.field.slice(dot + 1)}: ${error.message}`);
  }
}

const COMPACT = /^\s*(account|service|child_org)\s*:(.*)$/s;

/**
 * A fixed_shares cell: JSON as commitments.batch takes it ({"dimension": …, "shares":
 * [{"target", "percent"}]}), or the short form "service: compute=60; storage=40". The
 * shares are then checked by readCommitment like a batch call's.
 */
export function readSharesCell(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      throw problem('fixed_shares', 'is not valid JSON; write {"dimension": "service", "shares": [{"target": "compute", "percent": "60"}]} or "service: compute=60; storage=40"');
    }
  }
  const m = COMPACT.exec(trimmed);
  if (!m) throw problem('fixed_shares', `"${trimmed}" is not a list of shares: write "service: compute=60; storage=40" (account, service or child_org, then target=percent)`);
  const shares = m[2]
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.lastIndexOf('=');
      if (at <= 0) throw problem('fixed_shares', `"${part}" is not target=percent`);
      return { target: part.slice(0, at).trim(), percent: part.slice(at + 1).trim() };
    });
  return { dimension: m[1], shares };
}


/** Any org passes: a preview checks each field alone; whether a child org is below the import's is imports.check's to say. */
const ANY_ORG: ReadonlySet<string> = { has: () => true } as unknown as ReadonlySet<string>;

/** The per-field checks of a commitment row, without a workspace (the wizard's preview). */
export function previewCommitment(raw: RawRecord): unknown {
  return asFieldProblem(() => readCommitment(showbackRecord(raw), 'USD', ANY_ORG));
}

/** The per-field checks of a showback usage row, without a workspace (the wizard's preview). */
export function previewShowbackUsage(raw: RawRecord): unknown {
  return asFieldProblem(() => readUsage(showbackRecord(raw), 'preview', 'USD', ANY_ORG));
}

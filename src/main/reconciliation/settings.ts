import type { ToleranceSetting } from '../../shared/contract/reconciliation';
import { microsToDecimal } from '../../shared/money';
import type { Database } from '../db/driver';
import type { Tolerance } from './tolerance';

/** The workspace's tolerance (migration 23 stores one row). */
export function readTolerance(db: Database.Database): Tolerance {
  const row = db.prepare('SELECT tolerance_micros, tolerance_percent_micros FROM reconciliation_settings WHERE id = 1').safeIntegers(true).get() as
    | { tolerance_micros: bigint; tolerance_percent_micros: bigint }
    | undefined;
  return { micros: row?.tolerance_micros ?? 0n, percentMicros: row?.tolerance_percent_micros ?? 0n };
}

export function toleranceSetting(db: Database.Database): ToleranceSetting {
  const t = readTolerance(db);
  const updatedAt = db.prepare('SELECT updated_at FROM reconciliation_settings WHERE id = 1').pluck().get() as string | undefined;
  return { tolerance_amount: microsToDecimal(t.micros), tolerance_percent: microsToDecimal(t.percentMicros), updated_at: updatedAt ?? null };
}

export function saveTolerance(db: Database.Database, tolerance: Tolerance, now: string): ToleranceSetting {
  db.prepare(
    `INSERT INTO reconciliation_settings (id, tolerance_micros, tolerance_percent_micros, updated_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET tolerance_micros = excluded.tolerance_micros, tolerance_percent_micros = excluded.tolerance_percent_micros, updated_at = excluded.updated_at`,
  ).run(tolerance.micros, tolerance.percentMicros, now);
  return toleranceSetting(db);
}

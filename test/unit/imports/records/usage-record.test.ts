import { describe, expect, it } from 'vitest';
import { FieldProblem } from '../../../../src/main/imports/records/field-problem';
import { readUsageRecord } from '../../../../src/main/imports/records/usage-record';

function problemOf(raw: Record<string, unknown>): { field: string | null; message: string } {
  try {
    readUsageRecord(raw);
  } catch (error) {
    if (error instanceof FieldProblem) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a problem');
}

describe('readUsageRecord', () => {
  it('reads the cycle and the counts given; empty cells and absent fields are not given', () => {
    expect(readUsageRecord({ cycle_start: ' 2026-06-01 ', seats: '10', record_count: '', backups: 3, org_id: 'org-a' })).toEqual({
      cycle_start: '2026-06-01',
      org_id: 'org-a',
      counts: { seats: 10, backups: 3 },
    });
    expect(readUsageRecord({ cycle_start: '2024-02-29', file_size_mb: '0' })).toEqual({ cycle_start: '2024-02-29', org_id: undefined, counts: { file_size_mb: 0 } });
  });

  it.each([
    [{ seats: '5' }, 'cycle_start', /is required/],
    [{ cycle_start: '2026-02-30' }, 'cycle_start', /"2026-02-30" is not a day of the calendar/],
    [{ cycle_start: '2026-06-01T00:00:00Z' }, 'cycle_start', /without a time of day/],
    [{ cycle_start: '06/01/2026' }, 'cycle_start', /is not a day YYYY-MM-DD/],
    [{ cycle_start: '2026-06-01', seats: '-3' }, 'seats', /-3 is negative; usage counts are never below zero/],
    [{ cycle_start: '2026-06-01', seats: -3 }, 'seats', /-3 is negative/],
    [{ cycle_start: '2026-06-01', record_count: '1.5' }, 'record_count', /"1.5" is not a whole number/],
    [{ cycle_start: '2026-06-01', record_count: '1,200' }, 'record_count', /"1,200" is not a whole number/],
    [{ cycle_start: '2026-06-01', backups: 'ten' }, 'backups', /"ten" is not a whole number/],
    [{ cycle_start: '2026-06-01', backups: '+2' }, 'backups', /"\+2" is not a whole number/],
    [{ cycle_start: '2026-06-01', backups: true }, 'backups', /must be a whole number, not/],
    [{ cycle_start: '2026-06-01', backups: null }, 'backups', /cannot be cleared/],
    [{ cycle_start: '2026-06-01', version_count: '99999999999999999' }, 'version_count', /is not a whole number|larger than/],
    [{ cycle_start: '2026-06-01', version_count: '9007199254740993' }, 'version_count', /larger than the largest count/],
    [{ cycle_start: '2026-06-01', seat: '1' }, 'seat', /is not a field of a usage record/],
  ])('refuses %j naming %s', (raw, field, message) => {
    const problem = problemOf(raw);
    expect(problem.field).toBe(field);
    expect(problem.message).toMatch(message);
  });
});

import { describe, expect, it } from 'vitest';
import { addMonths, isPeriod, periodBounds, periodOf } from '../../src/shared/period';

describe('periods are calendar months', () => {
  it('validates YYYY-MM', () => {
    expect(isPeriod('2026-11')).toBe(true);
    expect(isPeriod('2026-13')).toBe(false);
    expect(isPeriod('2026-1')).toBe(false);
  });
  it('shifts across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-11', -11)).toBe('2025-12');
  });
  it('knows month lengths including leap years', () => {
    expect(periodBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(periodBounds('2026-02').last).toBe('2026-02-28');
    expect(periodOf('2026-03-31T23:59:59Z')).toBe('2026-03');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantToWallText } from '../../../src/main/time/zoned-time';

// instantToWallText asks a zone for its offset once per UTC hour and adds it, reading an hour
// that holds a clock change minute by minute. Checked against Intl reading each instant on its
// own, in zones with daylight saving, half- and quarter-hour offsets and half-hour changes.

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Tokyo', 'UTC'];

function reference(instant: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(Date.parse(instant));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

const stored = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

describe('instantToWallText', () => {
  it('reads every instant as Intl does, in zones with odd offsets and clock changes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2019-01-01T00:00:00Z'), max: Date.parse('2027-12-31T23:59:59Z') }), fc.constantFrom(...ZONES), (ms, zone) => {
        const instant = stored(Math.floor(ms / 1000) * 1000);
        expect(instantToWallText(instant, zone)).toBe(reference(instant, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('is right minute by minute around clock changes (New York, London, Lord Howe’s half hour)', () => {
    const changes: Array<[string, string]> = [
      ['America/New_York', '2026-03-08T06:00:00Z'],
      ['America/New_York', '2026-11-01T05:00:00Z'],
      ['Europe/London', '2026-03-29T00:00:00Z'],
      ['Europe/London', '2026-10-25T00:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
      ['Australia/Lord_Howe', '2026-10-03T15:30:00Z'],
    ];
    for (const [zone, at] of changes) {
      const start = Date.parse(at) - 90 * 60_000;
      for (let m = 0; m < 180; m++) {
        const instant = stored(start + m * 60_000 + 37_000);
        expect(instantToWallText(instant, zone), `${zone} ${instant}`).toBe(reference(instant, zone));
      }
    }
  });

  it('keeps the instant’s seconds and drops its fraction', () => {
    expect(instantToWallText('2026-11-30T22:17:06.5Z', 'America/New_York')).toBe('2026-11-30 17:17:06');
    expect(instantToWallText('2026-11-30T22:17:06Z', 'UTC')).toBe('2026-11-30 22:17:06');
  });
});

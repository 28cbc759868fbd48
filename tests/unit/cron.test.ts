import { describe, expect, it } from 'vitest';
import { CronError, nextSlot, parseCron, previousSlot } from '../../server/modules/workflows/cron.ts';

const next = (expr: string, after: string, n = 1) => {
  let t = new Date(after);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    t = nextSlot(parseCron(expr), t);
    out.push(t.toISOString());
  }
  return out;
};

describe('cron in Europe/Berlin', () => {
  it('parses lists, ranges, steps and names', () => {
    const c = parseCron('*/20 8-10,17 * jan-mar mon-fri');
    expect([...c.minutes]).toEqual([0, 20, 40]);
    expect([...c.hours]).toEqual([8, 9, 10, 17]);
    expect([...c.months]).toEqual([1, 2, 3]);
    expect([...c.weekdays]).toEqual([1, 2, 3, 4, 5]);
    expect([...parseCron('0 0 * * 7').weekdays]).toEqual([0]);
    for (const bad of ['* * * *', '60 * * * *', '* 24 * * *', '5-1 * * * *', '*/0 * * * *', 'x * * * *', '1,,2 * * * *'])
      expect(() => parseCron(bad), bad).toThrow(CronError);
  });

  it('weekday mornings at 08:00 local time, in winter and in summer', () => {
    // Friday 2026-01-09 12:00 UTC → next is Monday 08:00 CET = 07:00 UTC
    expect(next('0 8 * * 1-5', '2026-01-09T12:00:00Z', 2)).toEqual(['2026-01-12T07:00:00.000Z', '2026-01-13T07:00:00.000Z']);
    expect(next('0 8 * * 1-5', '2026-07-03T12:00:00Z')).toEqual(['2026-07-06T06:00:00.000Z']);
  });

  it('is DST-safe: a skipped wall time runs shifted, a repeated one runs once', () => {
    // 2026-03-29 02:00 CET jumps to 03:00 CEST
    expect(next('30 2 * * *', '2026-03-27T12:00:00Z', 3)).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:30:00.000Z', // 03:30 CEST
      '2026-03-30T00:30:00.000Z',
    ]);
    // 2026-10-25 03:00 CEST falls back to 02:00 CET: every half hour, no slot twice, none lost in the hour
    const slots = next('*/30 * * * *', '2026-10-24T23:00:00Z', 6);
    expect(new Set(slots).size).toBe(6);
    expect(slots).toEqual([
      '2026-10-24T23:30:00.000Z',
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T01:30:00.000Z',
      '2026-10-25T02:00:00.000Z',
      '2026-10-25T02:30:00.000Z',
      '2026-10-25T03:00:00.000Z',
    ]);
  });

  it('day of month OR weekday when both are restricted, and rare dates', () => {
    expect(next('0 12 13 * 5', '2026-02-01T00:00:00Z', 3)).toEqual([
      '2026-02-06T11:00:00.000Z',
      '2026-02-13T11:00:00.000Z',
      '2026-02-20T11:00:00.000Z',
    ]);
    expect(next('0 0 29 2 *', '2026-01-01T00:00:00Z')).toEqual(['2028-02-28T23:00:00.000Z']);
  });

  it('the latest slot at or before a moment', () => {
    const c = parseCron('0 8 * * 1-5');
    expect(previousSlot(c, new Date('2026-01-11T12:00:00Z'))?.toISOString()).toBe('2026-01-09T07:00:00.000Z');
    expect(previousSlot(c, new Date('2026-01-12T07:00:00Z'))?.toISOString()).toBe('2026-01-12T07:00:00.000Z');
  });
});

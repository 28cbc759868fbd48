import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, type BusinessHours, DEFAULT_BUSINESS_HOURS, instantOf } from '../../server/core/business-hours.ts';

const on: BusinessHours = { ...DEFAULT_BUSINESS_HOURS, enabled: true };
const berlin = (local: string) => {
  const [date, time] = local.split(' ') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return instantOf(y, m, d, h * 60 + min, 'Europe/Berlin');
};

describe('business hours', () => {
  it('off: plain clock time', () => {
    expect(addBusinessMinutes(new Date('2026-11-27T17:55:00Z'), 15, DEFAULT_BUSINESS_HOURS).toISOString()).toBe(
      '2026-11-27T18:10:00.000Z',
    );
  });

  it('a lead at 18:55 on a Friday with 15 minutes is due at 09:15 on Monday', () => {
    const due = addBusinessMinutes(berlin('2026-11-27 18:55'), 15, on);
    expect(due.toISOString()).toBe(berlin('2026-11-30 09:15').toISOString());
    expect(due.toISOString()).toBe('2026-11-30T08:15:00.000Z'); // CET = UTC+1
  });

  it('inside the hours it adds, and carries over closing time', () => {
    expect(addBusinessMinutes(berlin('2026-11-26 10:00'), 30, on).toISOString()).toBe(berlin('2026-11-26 10:30').toISOString());
    expect(addBusinessMinutes(berlin('2026-11-26 17:50'), 30, on).toISOString()).toBe(berlin('2026-11-27 09:20').toISOString());
    expect(addBusinessMinutes(berlin('2026-11-26 07:00'), 15, on).toISOString()).toBe(berlin('2026-11-26 09:15').toISOString());
  });

  it('is correct across the spring DST weekend (clocks go forward on Sunday 29 March 2026)', () => {
    const due = addBusinessMinutes(berlin('2026-03-27 18:55'), 15, on);
    expect(due.toISOString()).toBe('2026-03-30T07:15:00.000Z'); // Monday 09:15 CEST = UTC+2
  });

  it('is correct across the autumn DST weekend (clocks go back on Sunday 25 October 2026)', () => {
    const due = addBusinessMinutes(berlin('2026-10-23 17:30'), 60, on);
    expect(due.toISOString()).toBe('2026-10-26T08:30:00.000Z'); // Monday 09:30 CET = UTC+1
  });

  it('skips holidays', () => {
    const hours = { ...on, holidays: ['2026-12-24', '2026-12-25'] };
    expect(addBusinessMinutes(berlin('2026-12-23 17:55'), 15, hours).toISOString()).toBe(
      berlin('2026-12-28 09:10').toISOString(),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { divRound, lineNetCents, taxOn, totals } from '../../server/core/money.ts';

describe('money', () => {
  it('rounds half away from zero', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(-4n, 3n)).toBe(-1n);
  });

  it('3 × 33,33 € with 10 % discount at 19 %', () => {
    const line = { quantity: 3, unitPriceCents: 3333, discountPercent: 10, taxRate: 19 };
    expect(lineNetCents(line)).toBe(8999); // 8999.1
    expect(totals([line])).toEqual({
      netCents: 8999,
      taxCents: 1710, // 1709.81
      grossCents: 10709,
      taxes: [{ rate: 19, netCents: 8999, taxCents: 1710 }],
    });
  });

  it('taxes per rate on the sum of that rate’s nets, rounded once per rate', () => {
    const lines = [
      { quantity: 1, unitPriceCents: 1005, discountPercent: 0, taxRate: 19 }, // 190.95
      { quantity: 1, unitPriceCents: 1005, discountPercent: 0, taxRate: 19 }, // together 381.9 → 382 (not 191 + 191)
      { quantity: 2.5, unitPriceCents: 399, discountPercent: 0, taxRate: 7 }, // 997.5 → 998 net; tax 69.86 → 70
    ];
    expect(totals(lines)).toEqual({
      netCents: 3008,
      taxCents: 452,
      grossCents: 3460,
      taxes: [
        { rate: 19, netCents: 2010, taxCents: 382 },
        { rate: 7, netCents: 998, taxCents: 70 },
      ],
    });
  });

  it('is exact where floating point is not', () => {
    // 1.005 × 100 in floating point is 100.49999…; exact arithmetic says 100.5 → 101
    expect(lineNetCents({ quantity: 1.005, unitPriceCents: 100, discountPercent: 0, taxRate: 0 })).toBe(101);
    expect(lineNetCents({ quantity: 0.1, unitPriceCents: 5, discountPercent: 0, taxRate: 0 })).toBe(1); // 0.5 → 1
    expect(lineNetCents({ quantity: 1, unitPriceCents: 1, discountPercent: 50, taxRate: 0 })).toBe(1); // 0.5 → 1
    expect(lineNetCents({ quantity: 1, unitPriceCents: -1, discountPercent: 50, taxRate: 0 })).toBe(-1); // credit −0.5 → −1
    expect(taxOn(250, 7)).toBe(18); // 17.5 → 18
    expect(taxOn(-250, 7)).toBe(-18);
  });

  it('0 % lines add no tax and a 100 % discount makes nothing', () => {
    expect(totals([{ quantity: 4, unitPriceCents: 1250, discountPercent: 100, taxRate: 19 }]).grossCents).toBe(0);
    expect(totals([{ quantity: 1, unitPriceCents: 1000, discountPercent: 0, taxRate: 0 }])).toMatchObject({
      taxCents: 0,
      grossCents: 1000,
    });
  });
});

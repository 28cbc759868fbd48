import type { LineItem } from '../../../api/types.ts';

// The API's rounding rule (API.md "Sales"), for the per-rate tax lines the deal does not carry itself:
// tax per rate on the sum of that rate's line nets, rounded once, half away from zero, in exact integers.

const SCALE = 10_000n;

function scaled(value: number): bigint {
  const [whole = '0', frac = ''] = Math.abs(value).toFixed(4).split('.');
  const magnitude = BigInt(whole) * SCALE + BigInt(frac.padEnd(4, '0'));
  return value < 0 ? -magnitude : magnitude;
}

function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const q = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -q : q;
}

/** Tax on a net amount (cents) at a percentage, rounded once. */
export function taxOn(netCents: number, rate: number): number {
  return Number(divRound(BigInt(netCents) * scaled(rate), 100n * SCALE));
}

/** A line's net before it is saved (the server's netCents is the truth once it is). */
export function lineNet(quantity: number, unitPriceCents: number, discountPercent: number): number {
  const keep = 100n * SCALE - scaled(discountPercent);
  return Number(divRound(scaled(quantity) * BigInt(Math.round(unitPriceCents)) * keep, SCALE * 100n * SCALE));
}

export interface TaxLine {
  rate: number;
  netCents: number;
  taxCents: number;
}

/** Net and tax per tax rate, highest rate first. */
export function taxBreakdown(lines: Pick<LineItem, 'taxRate' | 'netCents'>[]): TaxLine[] {
  const byRate = new Map<number, number>();
  for (const line of lines) byRate.set(line.taxRate, (byRate.get(line.taxRate) ?? 0) + line.netCents);
  return [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, netCents]) => ({ rate, netCents, taxCents: taxOn(netCents, rate) }));
}

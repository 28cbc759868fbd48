/**
 * Exact money arithmetic in cents (API.md, "Sales"): each line's net is
 * round(quantity × unitPriceCents × (1 − discountPercent/100)); tax is computed per rate on the sum of
 * that rate's line nets and rounded once per rate; gross = net + taxes. Rounding is half away from zero.
 * Decimals are scaled to integers and divided with BigInt, so no binary floating point error can tip
 * a value across a rounding boundary.
 */

const QTY_SCALE = 10_000n; // up to 4 decimals of quantity
const PCT_SCALE = 10_000n; // up to 4 decimals of a percentage (×100 for the percent itself)

function scaled(value: number, scale: bigint): bigint {
  // toFixed on the decimal string keeps what the user typed (e.g. 0.1 stays 0.1, not 0.1000000000000000055)
  const digits = scale.toString().length - 1;
  const [whole, frac = ''] = value.toFixed(digits).split('.');
  const sign = whole?.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(whole?.replace('-', '') ?? '0') * scale + BigInt(frac.padEnd(digits, '0')));
}

/** numerator / denominator rounded half away from zero (denominator > 0). */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const q = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -q : q;
}

export function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

export interface LineInput {
  quantity: number;
  unitPriceCents: number;
  discountPercent: number;
  taxRate: number;
}

export function lineNetCents(line: LineInput): number {
  const qty = scaled(line.quantity, QTY_SCALE);
  const keep = 100n * PCT_SCALE - scaled(line.discountPercent, PCT_SCALE);
  return Number(divRound(qty * BigInt(line.unitPriceCents) * keep, QTY_SCALE * 100n * PCT_SCALE));
}

export interface TaxLine {
  rate: number;
  netCents: number;
  taxCents: number;
}

export interface Totals {
  netCents: number;
  taxCents: number;
  grossCents: number;
  taxes: TaxLine[];
}

/** Net, tax per rate and gross of a set of lines. */
export function totals(lines: LineInput[]): Totals {
  const byRate = new Map<number, number>();
  let net = 0;
  for (const line of lines) {
    const lineNet = lineNetCents(line);
    net += lineNet;
    byRate.set(line.taxRate, (byRate.get(line.taxRate) ?? 0) + lineNet);
  }
  const taxes = [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, rateNet]) => ({ rate, netCents: rateNet, taxCents: taxOn(rateNet, rate) }));
  const tax = taxes.reduce((sum, t) => sum + t.taxCents, 0);
  return { netCents: net, taxCents: tax, grossCents: net + tax, taxes };
}

/** Tax on a net amount at a percentage rate, rounded once. */
export function taxOn(netCents: number, rate: number): number {
  return Number(divRound(BigInt(netCents) * scaled(rate, PCT_SCALE), 100n * PCT_SCALE));
}

// Small arithmetic of the reports, kept in one place so every report rounds the same way.

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** a / b as a share with four decimals; null when there is nothing to divide by. */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? round(a / b, 4) : null;
}

/** Values in ascending order; a typed array sorts tens of thousands of numbers natively, without a callback. */
export function ascending(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

export function average(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

/** The median of ascending values: the middle one, or the mean of the two middle ones. */
export function median(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The p-th percentile of ascending values by the nearest-rank method (p90 of 10 values is the 9th). */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * n) - 1)] as number;
}

/** Period presets of the report filters; dates are YYYY-MM-DD in the browser's calendar. */
export const PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'last12Months', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const day = (y: number, m: number, d: number) => isoDate(new Date(y, m, d));

export function isPreset(value: unknown): value is Preset {
  return typeof value === 'string' && (PRESETS as readonly string[]).includes(value);
}

/** The days a preset covers, whole months and quarters (the end may lie ahead: nothing is there yet). */
export function presetRange(preset: Exclude<Preset, 'custom'>, today = new Date()): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (preset) {
    case 'thisMonth':
      return { from: day(y, m, 1), to: day(y, m + 1, 0) };
    case 'lastMonth':
      return { from: day(y, m - 1, 1), to: day(y, m, 0) };
    case 'thisQuarter': {
      const q = Math.floor(m / 3) * 3;
      return { from: day(y, q, 1), to: day(y, q + 3, 0) };
    }
    case 'thisYear':
      return { from: day(y, 0, 1), to: day(y, 11, 31) };
    case 'last12Months':
      return { from: day(y, m - 11, 1), to: day(y, m + 1, 0) };
  }
}

import { formatNumber } from '../../i18n/format.ts';

/** 4.6 MB, 812 KB … (binary units, one decimal below ten). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, { maximumFractionDigits: unit > 0 && value < 10 ? 1 : 0 })} ${units[unit]}`;
}

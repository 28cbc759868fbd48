/** One changed field of a record: a column name, or customFields.<key> for a custom field. */
export interface RowChange {
  field: string;
  from: unknown;
  to: unknown;
}

const IGNORED = new Set(['updatedAt', 'version']);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const customOf = (v: unknown): Record<string, unknown> => {
  if (typeof v !== 'string') return (v ?? {}) as Record<string, unknown>;
  try {
    return JSON.parse(v) as Record<string, unknown>;
  } catch {
    return {};
  }
};

/**
 * What an update changed between two rows of the same table (columns both rows have; custom fields
 * one by one). Update events carry it, so automation can react to "field X changed (to Y)".
 */
export function rowChanges(before: object, after: object): RowChange[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const out: RowChange[] = [];
  for (const key of Object.keys(b)) {
    if (IGNORED.has(key) || !Object.hasOwn(a, key)) continue;
    if (key === 'customFields') {
      const ca = customOf(a[key]);
      const cb = customOf(b[key]);
      for (const k of new Set([...Object.keys(ca), ...Object.keys(cb)]))
        if (!same(ca[k], cb[k])) out.push({ field: `customFields.${k}`, from: ca[k] ?? null, to: cb[k] ?? null });
    } else if (!same(a[key], b[key])) out.push({ field: key, from: a[key] ?? null, to: b[key] ?? null });
  }
  return out;
}

import type { CustomFieldRow } from '../../db/schema.ts';
import { AppError, type FieldError } from '../../http/errors.ts';

export type CustomValues = Record<string, unknown>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

function isValidDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function options(def: CustomFieldRow): string[] {
  return JSON.parse(def.options) as string[];
}

/** Checks one value against its definition; returns the normalised value or an error message. */
export function coerceValue(def: CustomFieldRow, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  if (value === null) return { ok: true, value: null };
  switch (def.type) {
    case 'text':
      if (typeof value !== 'string') return { ok: false, message: 'must be text' };
      if (value.length > 10_000) return { ok: false, message: 'is longer than 10000 characters' };
      return { ok: true, value };
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, message: 'must be a number' };
      return { ok: true, value };
    case 'money':
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        return { ok: false, message: 'must be a whole number of cents' };
      return { ok: true, value };
    case 'date':
      if (typeof value !== 'string' || !isValidDate(value)) return { ok: false, message: 'must be a date YYYY-MM-DD' };
      return { ok: true, value };
    case 'datetime': {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value))
        return { ok: false, message: 'must be an ISO 8601 date and time' };
      const ms = Date.parse(value);
      if (Number.isNaN(ms)) return { ok: false, message: 'must be an ISO 8601 date and time' };
      return { ok: true, value: new Date(ms).toISOString() };
    }
    case 'boolean':
      if (typeof value !== 'boolean') return { ok: false, message: 'must be true or false' };
      return { ok: true, value };
    case 'select':
      if (typeof value !== 'string' || !options(def).includes(value)) {
        return { ok: false, message: `must be one of: ${options(def).join(', ')}` };
      }
      return { ok: true, value };
    case 'multiselect': {
      const allowed = options(def);
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !allowed.includes(v))) {
        return { ok: false, message: `must be a list of: ${allowed.join(', ')}` };
      }
      return { ok: true, value: [...new Set(value as string[])] };
    }
  }
}

/**
 * Validates custom field values for a write. Unknown keys, wrong types and missing required
 * fields are 400s naming `customFields.<key>`. With `existing` (an update) the result merges onto it
 * and required fields only need to stay filled.
 */
export function validateCustomValues(
  defs: CustomFieldRow[],
  input: CustomValues | undefined,
  existing?: CustomValues,
): CustomValues {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const result: CustomValues = { ...(existing ?? {}) };
  const errors: FieldError[] = [];
  for (const [key, raw] of Object.entries(input ?? {})) {
    const path = `customFields.${key}`;
    const def = byKey.get(key);
    if (RESERVED.has(key) || !def) {
      errors.push({ path, message: 'is not a defined custom field' });
      continue;
    }
    const checked = coerceValue(def, raw);
    if (!checked.ok) errors.push({ path, message: checked.message });
    else if (checked.value === null || checked.value === '' || (Array.isArray(checked.value) && checked.value.length === 0))
      delete result[key];
    else result[key] = checked.value;
  }
  for (const def of defs) {
    if (def.required && result[def.key] === undefined && (existing === undefined || (input && def.key in input))) {
      errors.push({ path: `customFields.${def.key}`, message: 'is required' });
    }
  }
  // Values of fields that were deleted since are dropped, never shown as defined data.
  for (const key of Object.keys(result)) if (!byKey.has(key)) delete result[key];
  if (errors.length > 0) {
    throw new AppError('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
  }
  return result;
}

/** Parses a filter value from the query string into the field's type, for equality filters. */
export function parseFilterValue(def: CustomFieldRow, raw: string): unknown {
  const path = `customFields.${def.key}`;
  const fail = (message: string) => new AppError('validation_failed', `${path} ${message}`, [{ path, message }]);
  switch (def.type) {
    case 'number': {
      const n = Number(raw.replace(',', '.'));
      if (raw.trim() === '' || !Number.isFinite(n)) throw fail('must be a number');
      return n;
    }
    case 'money': {
      const n = Number(raw);
      if (!Number.isSafeInteger(n)) throw fail('must be a whole number of cents');
      return n;
    }
    case 'boolean':
      if (raw === 'true' || raw === '1') return 1;
      if (raw === 'false' || raw === '0') return 0;
      throw fail('must be true or false');
    case 'date':
      if (!isValidDate(raw)) throw fail('must be a date YYYY-MM-DD');
      return raw;
    default:
      return raw;
  }
}

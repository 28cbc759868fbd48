import dayjs from 'dayjs';
import type { CustomField } from '../../api/types.ts';

/** What a custom field's input holds: text, a number (euros for money), a date string, a flag or options. */
export type FormValue = string | number | boolean | string[] | null;
export type FormValues = Record<string, FormValue>;

const PICKER_DATETIME = 'YYYY-MM-DD HH:mm:ss';

function emptyOf(field: CustomField): FormValue {
  switch (field.type) {
    case 'boolean':
      return false;
    case 'multiselect':
      return [];
    case 'date':
    case 'datetime':
    case 'select':
      return null;
    default:
      return '';
  }
}

/** The inputs' values from a record's stored values (cents → euros, ISO time → the picker's local time). */
export function toFormValues(fields: CustomField[], stored: Record<string, unknown> = {}): FormValues {
  const out: FormValues = {};
  for (const field of fields) {
    const value = stored[field.key];
    if (value === undefined || value === null) {
      out[field.key] = emptyOf(field);
    } else if (field.type === 'money' && typeof value === 'number') {
      out[field.key] = value / 100;
    } else if (field.type === 'datetime' && typeof value === 'string') {
      out[field.key] = dayjs(value).format(PICKER_DATETIME);
    } else {
      out[field.key] = value as FormValue;
    }
  }
  return out;
}

/** One input's value as the API takes it; empty inputs become null (the value is removed). */
export function toApiValue(field: CustomField, value: FormValue | undefined): unknown {
  if (value === undefined || value === null || value === '') return null;
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
    case 'money':
      return Math.round((typeof value === 'number' ? value : Number(String(value).replace(',', '.'))) * 100);
    case 'datetime':
      return dayjs(String(value)).toISOString();
    case 'text':
      return String(value).trim() === '' ? null : String(value);
    case 'multiselect':
      return Array.isArray(value) && value.length > 0 ? value : null;
    default:
      return value;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The values to send: on create every filled input (and every required flag), on edit only what changed
 * against the record's stored values. Answers undefined when nothing is to be sent.
 */
export function customFieldChanges(
  fields: CustomField[],
  values: FormValues,
  stored?: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = toApiValue(field, values[field.key]);
    if (stored) {
      const before = stored[field.key] ?? null;
      const unsetFlag = field.type === 'boolean' && value === false && before === null;
      if (!same(before, value) && !unsetFlag) out[field.key] = value;
    } else if (value !== null && (value !== false || field.required)) {
      out[field.key] = value;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Client-side check of the required fields, with errors under customFields.<key> like the server's. */
export function requiredErrors(fields: CustomField[], values: FormValues, message: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    if (!field.required || field.type === 'boolean') continue;
    if (toApiValue(field, values[field.key]) === null) errors[`customFields.${field.key}`] = message;
  }
  return errors;
}

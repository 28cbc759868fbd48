import type { Actor } from '../../core/actor.ts';
import { normalizePhone } from '../../core/phone.ts';
import type { Address } from '../../core/record-fields.ts';
import type { ChangeEntry, FieldChange } from '../timeline/changes.repository.ts';
import type { Cell } from './cell-values.ts';
import { type ChunkResult, type ImportState, RowProblem } from './import-job.ts';
import type { ImportEntity } from './mapping.ts';
import type { RowValues } from './row-input.ts';

// Small helpers the record importers (contacts, companies, deals) share.

export function uniq(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}

export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

export interface RowKeys {
  email?: string;
  phone?: string;
  phoneNormalized?: string;
  ext?: string;
  name?: string;
}

/** The keys a row is matched and de-duplicated by, each prefixed with its kind. */
export function keysOf(v: RowValues): RowKeys {
  const keys: RowKeys = {};
  if (v.text.email) keys.email = `email:${v.text.email}`;
  const phone = normalizePhone(v.text.phone);
  if (phone) {
    keys.phone = `phone:${phone}`;
    keys.phoneNormalized = phone;
  }
  if (v.text.externalId) keys.ext = `ext:${v.text.externalId}`;
  if (v.text.name) keys.name = `name:${v.text.name.trim().toLowerCase()}`;
  return keys;
}

const LABELS: Record<string, string> = { email: 'same e-mail', phone: 'same phone', ext: 'same external id', name: 'same name' };

/** In create mode, a row whose e-mail, phone, external id or name an earlier row of the file had is a likely duplicate. */
export function rejectSeen(state: ImportState, keys: RowKeys): void {
  for (const kind of ['ext', 'email', 'phone', 'name'] as const) {
    const k = keys[kind];
    const row = k ? state.seen.get(k) : undefined;
    if (row !== undefined) throw new RowProblem(`likely duplicate of row ${row} (${LABELS[kind]})`);
  }
}

export function rememberKeys(state: ImportState, keys: RowKeys, row: number): void {
  for (const k of [keys.email, keys.phone, keys.ext, keys.name]) if (k && !state.seen.has(k)) state.seen.set(k, row);
}

export function inputAddress(v: RowValues): Partial<Address> | undefined {
  const t = v.text;
  if (!t.street && !t.zip && !t.city && !t.country) return undefined;
  const address: Partial<Address> = {};
  for (const f of ['street', 'zip', 'city', 'country'] as const) if (t[f]) address[f] = t[f];
  return address;
}

export function createdEntry(
  entityType: ImportEntity,
  entityId: string,
  actor: Actor,
  fileName: string,
  at: string,
): ChangeEntry {
  return {
    entityType,
    entityId,
    userId: actor.userId,
    action: 'created',
    changes: [{ field: 'importedFrom', from: null, to: fileName }],
    at,
  };
}

export function updatedEntry(
  entityType: ImportEntity,
  entityId: string,
  actor: Actor,
  changes: FieldChange[],
  at: string,
): ChangeEntry {
  const action = changes.length === 1 && changes[0]?.field === 'ownerId' ? 'owner_changed' : 'updated';
  return { entityType, entityId, userId: actor.userId, action, changes, at };
}

/** Runs each row; a RowProblem fails that row only and is reported with the row's original cells. */
export function runRows<T extends { row: number; cells: Cell[] }>(items: T[], result: ChunkResult, run: (item: T) => void): void {
  for (const item of items) {
    try {
      run(item);
    } catch (err) {
      if (!(err instanceof RowProblem)) throw err;
      result.errors.push({ row: item.row, message: err.message, values: item.cells });
    }
  }
}

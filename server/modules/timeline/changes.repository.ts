import type { Kysely, Transaction } from 'kysely';
import { newId } from '../../core/ids.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ChangeEntry {
  entityType: 'contact' | 'company' | 'deal' | 'task';
  entityId: string;
  userId: string | null;
  action: 'created' | 'updated' | 'merged' | 'owner_changed' | 'deleted' | 'stage_changed' | string;
  changes?: FieldChange[];
  at: string;
}

/** Appends to the change log that timelines show ("who changed what, when"). */
export async function recordChange(db: Db, entry: ChangeEntry): Promise<void> {
  await db
    .insertInto('recordChanges')
    .values({
      id: newId(),
      entityType: entry.entityType,
      entityId: entry.entityId,
      userId: entry.userId,
      action: entry.action,
      changes: JSON.stringify(entry.changes ?? []),
      at: entry.at,
    })
    .execute();
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields whose values differ between two presented records (custom fields one by one). */
export function diffRecords(before: Record<string, unknown>, after: Record<string, unknown>, fields: string[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    if (field === 'customFields') {
      const a = (before.customFields ?? {}) as Record<string, unknown>;
      const b = (after.customFields ?? {}) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (!same(a[key], b[key])) out.push({ field: `customFields.${key}`, from: a[key] ?? null, to: b[key] ?? null });
      }
    } else if (!same(before[field], after[field])) {
      out.push({ field, from: before[field] ?? null, to: after[field] ?? null });
    }
  }
  return out;
}

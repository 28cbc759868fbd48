import { normalizePhone } from '../../core/phone.ts';
import { addressColumns, cleanTags, parseCustom, parseTags } from '../../core/record-fields.ts';
import type { FieldChange } from '../timeline/changes.repository.ts';
import { type ChunkResult, checkCustom, emptyResult, type ImportState, RowProblem } from './import-job.ts';
import { type Db, insertChanges } from './import-records.repository.ts';
import type { StandardField } from './mapping.ts';
import { createdEntry, inputAddress, keysOf, type RowKeys, rememberKeys, updatedEntry } from './record-import.ts';
import type { RowValues } from './row-input.ts';

/** The columns of a contact or company row the shared import rules touch. */
interface CustomerRow {
  id: string;
  ownerId: string | null;
  phoneNormalized: string | null;
  tags: string;
  customFields: string;
  externalId: string | null;
}

/** The record a row updates: one created earlier in this chunk, one in the database, or (dry run) one an earlier chunk would have created. */
export type Target<R, E extends R> = { kind: 'pending'; row: R } | { kind: 'existing'; row: E } | { kind: 'earlier' };
export type Found<R, E extends R> = Exclude<Target<R, E>, { kind: 'earlier' }>;

/** How a row without an external id names the record it updates: contacts by e-mail, companies by name. */
export interface NaturalKey<E> {
  field: 'email' | 'name';
  label: string;
  key: (keys: RowKeys) => string | undefined;
  matches: (v: RowValues) => E[];
}

const PLURAL = { contact: 'contacts', company: 'companies' } as const;

/**
 * One chunk of contact or company rows on their way in: what to insert and update, the records
 * matched so far (so two rows for one record see each other), and the chunk's counts and history.
 * The importers add what differs: duplicate rules, the row's own fields, linked companies.
 */
export class RecordChunk<R extends CustomerRow, E extends R> {
  readonly result: ChunkResult = emptyResult();
  readonly inserts: R[] = [];
  readonly #updates: { id: string; changes: Partial<R> }[] = [];
  readonly #pending = new Map<string, R>();
  readonly #current = new Map<string, E>();

  constructor(
    readonly state: ImportState,
    readonly entity: 'contact' | 'company',
    readonly now: string,
    readonly byExt: Map<string | null, E & { visible: number }>,
    readonly natural: NaturalKey<E>,
  ) {}

  /** The file's column for a field, so a message names what the user sees. */
  header(field: StandardField): string {
    return this.state.job.mapping.fields.get(field)?.header ?? field;
  }

  /** In upsert mode, loads whether the actor may reassign the records the rows may match. */
  async prepareReassign(db: Db, naturalMatches: E[]): Promise<void> {
    if (this.state.job.mode !== 'upsert') return;
    const matched = [...this.byExt.values(), ...naturalMatches];
    await this.state.owners.prepareReassign(
      db,
      matched.map((c) => c.ownerId),
    );
  }

  /** The owner a row names (undefined: none); one the actor may not assign fails the row. */
  ownerOf(v: RowValues): string | undefined {
    const owner = this.state.owners.ownerOf(v);
    if ('error' in owner) throw new RowProblem(`${this.#ownerHeader(v)}: ${owner.error}`);
    return owner.ownerId;
  }

  /** The record an upsert row updates, by external id if it has one, else by its natural key. */
  target(v: RowValues): Target<R, E> | null {
    const keys = keysOf(v);
    const k = v.text.externalId ? keys.ext : this.natural.key(keys);
    if (!k) return null;
    const inChunk = this.#pending.get(k);
    if (inChunk) return { kind: 'pending', row: inChunk };
    let found: E | undefined;
    if (v.text.externalId) {
      const hit = this.byExt.get(v.text.externalId);
      if (hit && !hit.visible) throw new RowProblem(`${this.header('externalId')}: belongs to a ${this.entity} you cannot see`);
      found = hit;
    } else {
      const hits = this.natural.matches(v);
      if (hits.length > 1) {
        const { field, label } = this.natural;
        throw new RowProblem(
          `${this.header(field)}: ${hits.length} ${PLURAL[this.entity]} have this ${label}; map externalId to tell them apart`,
        );
      }
      found = hits[0];
    }
    if (found) return { kind: 'existing', row: this.#current.get(found.id) ?? found };
    return this.state.job.dryRun && this.state.seen.has(k) ? { kind: 'earlier' } : null;
  }

  /** Custom-field values checked against the entity's definitions, on top of `existing`. */
  customFields(v: RowValues, existing?: Record<string, unknown>): Record<string, unknown> {
    return checkCustom(this.state.job.defs[this.entity], this.state.job.mapping, v.customFields, existing);
  }

  /** A dry-run row for a record an earlier row would have created: checked, and counted as an update. */
  countEarlier(v: RowValues): void {
    this.customFields(v, {});
    this.result.updated++;
  }

  /** The changes any matched row makes: address, the given `fields`, tags added, owner, custom fields. */
  changesFor(found: Found<R, E>, v: RowValues, ownerId: string | undefined, fields: readonly (keyof R & StandardField)[]) {
    const { row } = found;
    const t = v.text;
    const copied: Record<string, string> = {};
    for (const f of fields) if (t[f]) copied[f] = t[f];
    const changes = { ...addressColumns(inputAddress(v)), ...copied } as Partial<R>;
    if (t.phone) changes.phoneNormalized = normalizePhone(t.phone);
    if (v.tags) changes.tags = JSON.stringify(cleanTags([...parseTags(row.tags), ...v.tags]));
    if (ownerId && ownerId !== row.ownerId) {
      const refused = found.kind === 'existing' ? this.state.owners.reassignProblem(row.ownerId) : null;
      if (refused) throw new RowProblem(`${this.#ownerHeader(v)}: ${refused}`);
      changes.ownerId = ownerId;
    }
    if (Object.keys(v.customFields).length > 0) {
      changes.customFields = JSON.stringify(this.customFields(v, parseCustom(row.customFields)));
    }
    return changes;
  }

  /** Counts a matched row and queues its changes; a row that changes nothing counts as unchanged. */
  saveUpdate(found: Found<R, E>, changes: Partial<R>, diff: FieldChange[]): void {
    if (diff.length === 0) return void this.result.unchanged++;
    this.result.updated++;
    const { row } = found;
    if (found.kind === 'pending') return void Object.assign(row, changes);
    this.#current.set(row.id, { ...found.row, ...changes });
    this.#updates.push({ id: row.id, changes });
    this.result.changes.push(updatedEntry(this.entity, row.id, this.state.job.actor, diff, this.now));
  }

  /** A new record may not take an external id that a record or an earlier row already has. */
  assertExternalIdFree(v: RowValues, keys: RowKeys): void {
    const ext = v.text.externalId;
    if (ext && (this.byExt.has(ext) || (keys.ext && this.state.seen.has(keys.ext)))) {
      throw new RowProblem(`${this.header('externalId')}: "${ext}" is already used by another ${this.entity}`);
    }
  }

  /** Queues a new record; later rows of the file match it by its keys. */
  saveNew(row: R, keys: RowKeys, rowNumber: number): void {
    const { actor, fileName } = this.state.job;
    this.inserts.push(row);
    this.result.created++;
    rememberKeys(this.state, keys, rowNumber);
    for (const k of [this.natural.key(keys), keys.ext]) if (k) this.#pending.set(k, row);
    this.result.changes.push(createdEntry(this.entity, row.id, actor, fileName, this.now));
  }

  /** Writes what the chunk collected (nothing on a dry run) and returns its result. */
  async write(
    db: Db,
    writes: {
      insert: (db: Db, rows: R[]) => Promise<void>;
      update: (db: Db, id: string, changes: Partial<R>, now: string) => Promise<unknown>;
    },
  ): Promise<ChunkResult> {
    if (!this.state.job.dryRun) {
      await writes.insert(db, this.inserts);
      for (const u of this.#updates) await writes.update(db, u.id, u.changes, this.now);
      await insertChanges(db, this.result.changes);
    }
    return this.result;
  }

  #ownerHeader(v: RowValues): string {
    return this.header(v.text.ownerEmail ? 'ownerEmail' : 'ownerId');
  }
}

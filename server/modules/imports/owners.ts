import { assertCanAssignOwner, assertOwnerSide } from '../../core/access.ts';
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../http/errors.ts';
import { type Db, userNames, usersByEmails } from './import-records.repository.ts';
import type { RowValues } from './row-input.ts';

const key = (value: string) => value.trim().toLowerCase();

/**
 * Who owns an imported record: the importer, unless ownerId or ownerEmail is mapped; then the same
 * rule as the API applies (assertCanAssignOwner). The ownerEmail column also takes a user's name, as
 * exports write it. Each distinct owner is checked once per import.
 */
export class OwnerRules {
  readonly #verdicts = new Map<string, string | null>();
  /** E-mail or name (lower case) → the ids of the users it names: none, one, or several (a name twice). */
  readonly #idsByKey = new Map<string, string[]>();
  #idsByName: Map<string, string[]> | null = null;
  readonly #reassign = new Map<string, string | null>();

  constructor(private readonly actor: Actor) {}

  /** Loads what the rows of a chunk need. */
  async prepare(db: Db, rows: RowValues[]): Promise<void> {
    const emails = new Set<string>();
    const names = new Set<string>();
    for (const r of rows) {
      const k = r.text.ownerEmail ? key(r.text.ownerEmail) : '';
      if (k && !this.#idsByKey.has(k)) (k.includes('@') ? emails : names).add(k);
    }
    if (emails.size > 0) {
      const found = new Map((await usersByEmails(db, [...emails])).map((u) => [u.email.toLowerCase(), u.id]));
      for (const e of emails) this.#idsByKey.set(e, found.has(e) ? [found.get(e) as string] : []);
    }
    if (names.size > 0) {
      if (!this.#idsByName) {
        this.#idsByName = new Map();
        for (const u of await userNames(db))
          this.#idsByName.set(key(u.name), [...(this.#idsByName.get(key(u.name)) ?? []), u.id]);
      }
      for (const n of names) this.#idsByKey.set(n, this.#idsByName.get(n) ?? []);
    }
    for (const r of rows) {
      const id = this.#ownerIdOf(r);
      if (id && !this.#verdicts.has(id)) this.#verdicts.set(id, await this.#verdict(db, id));
    }
  }

  /** Loads whether the actor may take records away from these current owners (an upsert that changes the owner). */
  async prepareReassign(db: Db, currentOwnerIds: (string | null)[]): Promise<void> {
    for (const id of new Set(currentOwnerIds)) {
      const key = id ?? '';
      if (!this.#reassign.has(key))
        this.#reassign.set(key, await problemOf(() => assertOwnerSide(db, this.actor, id, 'reassign')));
    }
  }

  /** Why the actor may not reassign a record of this owner (same rule as PATCH), or null. */
  reassignProblem(currentOwnerId: string | null): string | null {
    return this.#reassign.get(currentOwnerId ?? '') ?? null;
  }

  #verdict(db: Db, id: string): Promise<string | null> {
    return problemOf(() => assertCanAssignOwner(db, this.actor, id));
  }

  #ownerIdOf(r: RowValues): string | null | undefined {
    if (r.text.ownerEmail) {
      const ids = this.#idsByKey.get(key(r.text.ownerEmail)) ?? [];
      return ids.length === 1 ? ids[0] : null;
    }
    return r.text.ownerId;
  }

  /** The owner id for a row, or the reason it cannot be used. Undefined id: not given (the importer owns new records). */
  ownerOf(r: RowValues): { ownerId: string | undefined } | { error: string } {
    if (r.text.ownerEmail) {
      const ids = this.#idsByKey.get(key(r.text.ownerEmail)) ?? [];
      if (ids.length > 1) return { error: `${ids.length} users are called ${r.text.ownerEmail}; give the e-mail address` };
      const id = ids[0];
      if (!id) return { error: `${r.text.ownerEmail} is not a user` };
      const verdict = this.#verdicts.get(id);
      return verdict ? { error: verdict } : { ownerId: id };
    }
    if (!r.text.ownerId) return { ownerId: undefined };
    const verdict = this.#verdicts.get(r.text.ownerId);
    return verdict ? { error: verdict } : { ownerId: r.text.ownerId };
  }
}

async function problemOf(check: () => Promise<void>): Promise<string | null> {
  try {
    await check();
    return null;
  } catch (err) {
    if (err instanceof AppError) return err.message;
    throw err;
  }
}

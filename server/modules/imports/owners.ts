import { assertCanAssignOwner, assertOwnerSide } from '../../core/access.ts';
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../http/errors.ts';
import { type Db, usersByEmails } from './import-records.repository.ts';
import type { RowValues } from './row-input.ts';

/**
 * Who owns an imported record: the importer, unless ownerId or ownerEmail is mapped; then the same
 * rule as the API applies (assertCanAssignOwner). Each distinct owner is checked once per import.
 */
export class OwnerRules {
  readonly #verdicts = new Map<string, string | null>();
  readonly #idsByEmail = new Map<string, string | null>();
  readonly #reassign = new Map<string, string | null>();

  constructor(private readonly actor: Actor) {}

  /** Loads what the rows of a chunk need. */
  async prepare(db: Db, rows: RowValues[]): Promise<void> {
    const emails = new Set<string>();
    for (const r of rows) {
      const e = r.text.ownerEmail?.toLowerCase();
      if (e && !this.#idsByEmail.has(e)) emails.add(e);
    }
    if (emails.size > 0) {
      const found = new Map((await usersByEmails(db, [...emails])).map((u) => [u.email.toLowerCase(), u.id]));
      for (const e of emails) this.#idsByEmail.set(e, found.get(e) ?? null);
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
    if (r.text.ownerEmail) return this.#idsByEmail.get(r.text.ownerEmail.toLowerCase());
    return r.text.ownerId;
  }

  /** The owner id for a row, or the reason it cannot be used. Undefined id: not given (the importer owns new records). */
  ownerOf(r: RowValues): { ownerId: string | undefined } | { error: string } {
    if (r.text.ownerEmail) {
      const id = this.#idsByEmail.get(r.text.ownerEmail.toLowerCase());
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

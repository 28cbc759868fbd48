import type { Actor } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import { notFound } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import * as repo from './saved-views.repository.ts';
import type { CreateSavedView, SavedView, UpdateSavedView } from './saved-views.schemas.ts';

function present(row: repo.SavedViewRow): SavedView {
  return {
    id: row.id,
    entity: row.entity as SavedView['entity'],
    name: row.name,
    query: JSON.parse(row.query),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export async function listSavedViews(ctx: Ctx, actor: Actor, query: Record<string, unknown>) {
  const page = await repo.listOwn(ctx.db, actor.userId, query);
  return { data: page.rows.map(present), nextCursor: page.nextCursor };
}

export async function createSavedView(ctx: Ctx, actor: Actor, input: CreateSavedView): Promise<SavedView> {
  const now = isoNow(ctx.clock);
  const row = {
    id: newId(),
    userId: actor.userId,
    entity: input.entity,
    name: input.name.trim(),
    query: JSON.stringify(input.query),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await repo.insert(ctx.db, row);
  return present(row);
}

export async function updateSavedView(ctx: Ctx, actor: Actor, id: string, input: UpdateSavedView, expected?: number) {
  const current = await repo.findOwn(ctx.db, actor.userId, id);
  if (!current) throw notFound('Saved view');
  const changes = {
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.query !== undefined ? { query: JSON.stringify(input.query) } : {}),
  };
  const row = await repo.updateOwn(ctx.db, actor.userId, id, changes, isoNow(ctx.clock), expected);
  if (!row) throw versionMismatch(current.version);
  return present(row);
}

export async function deleteSavedView(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  if (!(await repo.deleteOwn(ctx.db, actor.userId, id))) throw notFound('Saved view');
}

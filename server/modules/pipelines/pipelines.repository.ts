import { type Kysely, sql, type Transaction } from 'kysely';
import { Type } from 'typebox';
import type { DB, PipelineRow, StageRow } from '../../db/schema.ts';
import { containsText, type ListSpec } from '../../http/list.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The pipelines list: one page holds them all (200), in their order unless sorted otherwise. */
export const PIPELINE_LIST: ListSpec = {
  defaultSort: 'position',
  defaultLimit: 200,
  idColumn: 'pipelines.id',
  sortable: {
    position: { expr: 'pipelines.position' },
    name: { expr: sql`lower(pipelines.name)` },
    createdAt: { expr: 'pipelines.createdAt' },
    updatedAt: { expr: 'pipelines.updatedAt' },
  },
  filters: {
    isDefault: { expr: 'pipelines.isDefault', kind: 'bool', schema: Type.Boolean() },
    templateKey: {
      expr: 'pipelines.templateKey',
      kind: 'nullable',
      schema: Type.String({ maxLength: 64, description: 'null for none' }),
    },
  },
  search: containsText('pipelines.name'),
};

export function listPipelineRows(db: Db): Promise<PipelineRow[]> {
  return db.selectFrom('pipelines').selectAll().orderBy('position').orderBy('createdAt').execute();
}

export function findPipeline(db: Db, id: string): Promise<PipelineRow | undefined> {
  return db.selectFrom('pipelines').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDefaultPipeline(db: Db): Promise<PipelineRow | undefined> {
  return db
    .selectFrom('pipelines')
    .selectAll()
    .orderBy('isDefault', 'desc')
    .orderBy('position')
    .orderBy('createdAt')
    .executeTakeFirst();
}

export function stagesOf(db: Db, pipelineIds: string[]): Promise<StageRow[]> {
  if (pipelineIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('stages').selectAll().where('pipelineId', 'in', pipelineIds).orderBy('position').execute();
}

export function findStage(db: Db, id: string): Promise<StageRow | undefined> {
  return db.selectFrom('stages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPipeline(db: Db, row: PipelineRow): Promise<void> {
  await db.insertInto('pipelines').values(row).execute();
}

export async function insertStage(db: Db, row: StageRow): Promise<void> {
  await db.insertInto('stages').values(row).execute();
}

export async function updateStage(db: Db, id: string, changes: Partial<StageRow>, now: string): Promise<void> {
  await db
    .updateTable('stages')
    .set({ ...changes, updatedAt: now, version: sql`version + 1` as unknown as number })
    .where('id', '=', id)
    .execute();
}

export async function deleteStage(db: Db, id: string): Promise<void> {
  await db.deleteFrom('stages').where('id', '=', id).execute();
}

export async function updatePipeline(
  db: Db,
  id: string,
  changes: Partial<PipelineRow>,
  now: string,
  expected?: number,
): Promise<boolean> {
  let q = db
    .updateTable('pipelines')
    .set({ ...changes, updatedAt: now, version: sql`version + 1` as unknown as number })
    .where('id', '=', id);
  if (expected !== undefined) q = q.where('version', '=', expected);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

export async function clearDefault(db: Db, exceptId: string): Promise<void> {
  await db.updateTable('pipelines').set({ isDefault: 0 }).where('id', '!=', exceptId).where('isDefault', '=', 1).execute();
}

export async function deletePipeline(db: Db, id: string): Promise<void> {
  await db.deleteFrom('pipelines').where('id', '=', id).execute();
}

export async function countDealsInStages(db: Db, stageIds: string[]): Promise<number> {
  if (stageIds.length === 0) return 0;
  const row = await db
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('stageId', 'in', stageIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Moves every deal of some stages into another stage (before a stage or pipeline is deleted). */
export async function moveDeals(db: Db, fromStageIds: string[], to: StageRow, now: string): Promise<string[]> {
  if (fromStageIds.length === 0) return [];
  const moved = await db.selectFrom('deals').select('id').where('stageId', 'in', fromStageIds).execute();
  await db
    .updateTable('deals')
    .set({
      stageId: to.id,
      pipelineId: to.pipelineId,
      status: to.kind,
      stageEnteredAt: now,
      updatedAt: now,
      version: sql`version + 1` as unknown as number,
    })
    .where('stageId', 'in', fromStageIds)
    .execute();
  return moved.map((m) => m.id);
}

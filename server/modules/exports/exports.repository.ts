import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Names of all users by id, for the owner column (a company has few users; one query per export). */
export async function userNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('users').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Pipelines and stages by id, for the deal export's pipeline and stage columns (a handful of rows; one query each). */
export async function pipelineStages(db: Db): Promise<{
  pipelines: Map<string, string>;
  stages: Map<string, { key: string | null; name: string }>;
}> {
  const pipelines = await db.selectFrom('pipelines').select(['id', 'name']).execute();
  const stages = await db.selectFrom('stages').select(['id', 'key', 'name']).execute();
  return {
    pipelines: new Map(pipelines.map((p) => [p.id, p.name])),
    stages: new Map(stages.map((s) => [s.id, { key: s.key, name: s.name }])),
  };
}

import type { Kysely, Transaction } from 'kysely';
import { newId } from '../../core/ids.ts';
import type { DB, StageKind } from '../../db/schema.ts';
import { seedLostReasons } from './lost-reasons.ts';
import { insertPipeline, insertStage } from './pipelines.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface StageTemplate {
  key: string;
  name: string;
  probability: number;
  kind: StageKind;
  timeLimitDays?: number;
  requiredFields?: string[];
}

export const DEFAULT_STAGES: StageTemplate[] = [
  { key: 'new', name: 'Neu', probability: 10, kind: 'open', timeLimitDays: 3 },
  { key: 'qualified', name: 'Qualifiziert', probability: 25, kind: 'open', timeLimitDays: 14 },
  { key: 'offer', name: 'Angebot', probability: 50, kind: 'open', timeLimitDays: 14 },
  { key: 'negotiation', name: 'Verhandlung', probability: 75, kind: 'open', timeLimitDays: 14 },
  { key: 'won', name: 'Gewonnen', probability: 100, kind: 'won' },
  { key: 'lost', name: 'Verloren', probability: 0, kind: 'lost' },
];

/** Creates a pipeline with stages from a template (the default one at setup; process templates later). */
export async function createPipelineFromTemplate(
  db: Db,
  opts: { name: string; stages: StageTemplate[]; isDefault: boolean; templateKey?: string | null; now: string },
): Promise<string> {
  const id = newId();
  await insertPipeline(db, {
    id,
    name: opts.name,
    isDefault: opts.isDefault ? 1 : 0,
    position: 0,
    templateKey: opts.templateKey ?? null,
    createdAt: opts.now,
    updatedAt: opts.now,
    version: 1,
  });
  for (const [position, s] of opts.stages.entries()) {
    await insertStage(db, {
      id: newId(),
      pipelineId: id,
      key: s.key,
      name: s.name,
      position,
      probability: s.probability,
      kind: s.kind,
      timeLimitDays: s.timeLimitDays ?? null,
      requiredFields: JSON.stringify(s.requiredFields ?? []),
      createdAt: opts.now,
      updatedAt: opts.now,
      version: 1,
    });
  }
  return id;
}

export function createDefaultPipeline(db: Db, now: string): Promise<string> {
  return createPipelineFromTemplate(db, { name: 'Vertrieb', stages: DEFAULT_STAGES, isDefault: true, now });
}

/** What a new instance starts with: the default pipeline and the lost reasons, each only if none exist yet. */
export async function ensureSalesDefaults(db: Db, now: string): Promise<void> {
  if (!(await db.selectFrom('pipelines').select('id').executeTakeFirst())) await createDefaultPipeline(db, now);
  if (!(await db.selectFrom('lostReasons').select('id').executeTakeFirst())) await seedLostReasons(db, now);
}

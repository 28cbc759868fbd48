import type { TFunction } from 'i18next';
import type { Pipeline, Stage } from '../../api/types.ts';

/** The German names built-in stages are created with; a stage keeps its key only while it has this name. */
const BUILT_IN_NAMES: Record<string, string> = {
  new: 'Neu',
  qualified: 'Qualifiziert',
  offer: 'Angebot',
  negotiation: 'Verhandlung',
  won: 'Gewonnen',
  lost: 'Verloren',
};

type BuiltInKey = 'new' | 'qualified' | 'offer' | 'negotiation' | 'won' | 'lost';

function isBuiltIn(key: string | null): key is BuiltInKey {
  return key !== null && key in BUILT_IN_NAMES;
}

/** A stage's name in the UI language: built-in stages are translated until someone renames them. */
export function stageLabel(t: TFunction, stage: Pick<Stage, 'key' | 'name'>): string {
  if (isBuiltIn(stage.key) && BUILT_IN_NAMES[stage.key] === stage.name) return t(`pipelines.stageKeys.${stage.key}`);
  return stage.name;
}

export const STAGE_KIND_COLOR: Record<Stage['kind'], string> = { open: 'blue', won: 'teal', lost: 'red' };

export function findStage(pipelines: Pipeline[] | undefined, stageId: string): Stage | undefined {
  for (const pipeline of pipelines ?? []) {
    const stage = pipeline.stages.find((s) => s.id === stageId);
    if (stage) return stage;
  }
  return undefined;
}

/** The deal fields a stage can require (besides the deal custom fields), as the API names them. */
export const GATE_FIELDS = ['amountCents', 'expectedCloseDate', 'contactId', 'companyId', 'lineItems', 'source'] as const;

import type { TFunction } from 'i18next';
import type { Pipeline, Stage } from '../../api/types.ts';

/**
 * Stages Kontor creates (the default pipeline and the shipped process templates), by key and the German
 * name they are created with → their text in the UI language. A stage is translated until someone
 * renames it; what an admin named stays as written.
 */
const SHIPPED_STAGES = {
  'new:Neu': 'new',
  'qualified:Qualifiziert': 'qualified',
  'offer:Angebot': 'offer',
  'negotiation:Verhandlung': 'negotiation',
  'won:Gewonnen': 'won',
  'lost:Verloren': 'lost',
  'inquiry:Neue Anfrage': 'inquiry',
  'measurement:Aufmaß': 'measurement',
  'calculation:Kalkulation': 'calculation',
  'installation:Montage': 'installation',
  'booked:Gebucht': 'booked',
  'won:Besucht': 'visited',
  'lost:Abgesagt': 'cancelledVisit',
  'ordered:Bestellt': 'ordered',
  'won:Geliefert': 'delivered',
  'lost:Storniert': 'cancelledOrder',
} as const;

type ShippedStage = keyof typeof SHIPPED_STAGES;

const isShipped = (id: string): id is ShippedStage => Object.hasOwn(SHIPPED_STAGES, id);

/** A stage's name in the UI language: shipped stages are translated until someone renames them. */
export function stageLabel(t: TFunction, stage: Pick<Stage, 'key' | 'name'>): string {
  const id = `${stage.key}:${stage.name}`;
  return isShipped(id) ? t(`pipelines.stageKeys.${SHIPPED_STAGES[id]}`) : stage.name;
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

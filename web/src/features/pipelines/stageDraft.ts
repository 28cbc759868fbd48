import type { Stage, StageInput } from '../../api/types.ts';

/** A stage as edited: saved stages keep their id; new ones get a local key until saved. */
export interface StageDraft {
  key: string;
  id?: string;
  builtInKey: string | null;
  name: string;
  probability: number | string;
  kind: Stage['kind'];
  timeLimitDays: number | string;
  requiredFields: string[];
}

let counter = 0;

export function draftOf(stage: Stage): StageDraft {
  return {
    key: stage.id,
    id: stage.id,
    builtInKey: stage.key,
    name: stage.name,
    probability: stage.probability,
    kind: stage.kind,
    timeLimitDays: stage.timeLimitDays ?? '',
    requiredFields: stage.requiredFields,
  };
}

export function newDraft(name: string): StageDraft {
  counter += 1;
  return {
    key: `new-${counter}`,
    builtInKey: null,
    name,
    probability: 50,
    kind: 'open',
    timeLimitDays: '',
    requiredFields: [],
  };
}

/** The complete stage list for PATCH /pipelines/:id: with id = keep, without = add, missing = delete. */
export function stageInputs(drafts: StageDraft[]): StageInput[] {
  return drafts.map((draft) => {
    const days = draft.timeLimitDays === '' ? null : Number(draft.timeLimitDays);
    return {
      ...(draft.id ? { id: draft.id } : {}),
      name: draft.name.trim(),
      probability: Math.round(Number(draft.probability) || 0),
      kind: draft.kind,
      timeLimitDays: days && days > 0 ? Math.round(days) : null,
      requiredFields: draft.requiredFields,
    };
  });
}

/** Problems the server would refuse, found before saving (keys are the drafts' keys; '' for the list). */
export function draftProblems(drafts: StageDraft[]): Map<string, 'name' | 'noOpen'> {
  const problems = new Map<string, 'name' | 'noOpen'>();
  for (const draft of drafts) if (draft.name.trim() === '') problems.set(draft.key, 'name');
  if (!drafts.some((draft) => draft.kind === 'open')) problems.set('', 'noOpen');
  return problems;
}

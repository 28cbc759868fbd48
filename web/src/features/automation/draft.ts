import type {
  Condition,
  ConditionGroup,
  Step,
  StepBase,
  StepType,
  Trigger,
  Workflow,
  WorkflowInput,
} from '../../api/workflows.ts';

/*
 * The editor's working copy of a workflow. It mirrors the stored JSON (so the server's error paths such as
 * steps.2.then.0.title point at the same place) and adds a key per row for React.
 */

let next = 0;
export const uid = () => `d${++next}`;

export type Mode = 'all' | 'any';
export const other = (mode: Mode): Mode => (mode === 'all' ? 'any' : 'all');

export interface DraftCondition extends Condition {
  uid: string;
}
/** A nested group: its mode is always the opposite of its parent's. */
export interface DraftGroup {
  uid: string;
  conditions: DraftCondition[];
}
export interface DraftConditions {
  mode: Mode;
  items: (DraftCondition | DraftGroup)[];
}
export type DraftStep = StepBase & {
  uid: string;
  then?: DraftStep[];
  else?: DraftStep[];
  conditions?: DraftConditions;
  /** Any step but if: its guard, edited like conditions. */
  onlyIf?: DraftConditions;
};
export interface Draft {
  name: string;
  description: string;
  enabled: boolean;
  trigger: Trigger;
  conditions: DraftConditions;
  steps: DraftStep[];
}

export const isGroup = (item: DraftCondition | DraftGroup): item is DraftGroup => 'conditions' in item;

const toCondition = (c: Condition): DraftCondition => ({ ...c, uid: uid() });

export function toDraftConditions(group: ConditionGroup | null | undefined): DraftConditions {
  if (!group) return { mode: 'all', items: [] };
  const mode: Mode = group.all || !group.any ? 'all' : 'any';
  const list = (mode === 'all' ? group.all : group.any) ?? [];
  const items: (DraftCondition | DraftGroup)[] = list.map((item) =>
    'field' in item
      ? toCondition(item)
      : { uid: uid(), conditions: ((item as { any?: Condition[]; all?: Condition[] })[other(mode)] ?? []).map(toCondition) },
  );
  // Both lists set (written by hand or by the API): the engine needs both, so the second becomes a group.
  if (group.all && group.any)
    items.push({ uid: uid(), conditions: group.any.filter((c): c is Condition => 'field' in c).map(toCondition) });
  return { mode, items };
}

function fromCondition({ uid: _uid, ...c }: DraftCondition): Condition {
  return c.op === 'empty' || c.op === 'not_empty' ? { field: c.field, op: c.op } : c;
}

export function fromDraftConditions(d: DraftConditions): ConditionGroup | undefined {
  const items = d.items
    .filter((item) => !isGroup(item) || item.conditions.length > 0)
    .map((item) => (isGroup(item) ? { [other(d.mode)]: item.conditions.map(fromCondition) } : fromCondition(item)));
  if (items.length === 0) return undefined;
  return { [d.mode]: items } as ConditionGroup;
}

export function toDraftSteps(steps: Step[] | undefined): DraftStep[] {
  return (steps ?? []).map(({ then, else: otherwise, conditions, onlyIf, ...s }) => {
    const step: DraftStep = { ...s, uid: uid() };
    if (onlyIf && s.type !== 'if') step.onlyIf = toDraftConditions(onlyIf);
    // biome-ignore lint/suspicious/noThenProperty: an if step's branch is data (an array of steps), never a thenable
    if (then) step.then = toDraftSteps(then);
    if (otherwise) step.else = toDraftSteps(otherwise);
    if (conditions) step.conditions = toDraftConditions(conditions);
    return step;
  });
}

export function fromDraftSteps(steps: DraftStep[]): Step[] {
  return steps.map(({ uid: _uid, then, else: otherwise, conditions, onlyIf, ...s }) => {
    const step: Step = { ...s };
    const guard = s.type !== 'if' && onlyIf ? fromDraftConditions(onlyIf) : undefined;
    if (guard) step.onlyIf = guard;
    if (s.type === 'if') {
      step.conditions = conditions ? fromDraftConditions(conditions) : undefined;
      // biome-ignore lint/suspicious/noThenProperty: an if step's branch is data (an array of steps), never a thenable
      step.then = fromDraftSteps(then ?? []);
      if (otherwise && otherwise.length > 0) step.else = fromDraftSteps(otherwise);
    }
    return step;
  });
}

export function toDraft(workflow: Workflow | null): Draft {
  return {
    name: workflow?.name ?? '',
    description: workflow?.description ?? '',
    enabled: workflow?.enabled ?? true,
    trigger: workflow?.trigger ?? { type: 'deal.won' },
    conditions: toDraftConditions(workflow?.conditions),
    steps: toDraftSteps(workflow?.steps ?? []),
  };
}

export function fromDraft(d: Draft): WorkflowInput {
  return {
    name: d.name.trim(),
    description: d.description.trim() || null,
    trigger: d.trigger,
    // a schedule runs without a record: the server refuses conditions for it
    conditions: d.trigger.type === 'schedule' ? null : (fromDraftConditions(d.conditions) ?? null),
    steps: fromDraftSteps(d.steps),
  };
}

/** A new step of a type with sensible defaults. */
export function newStep(type: StepType): DraftStep {
  const base = { uid: uid(), type };
  switch (type) {
    case 'create_task':
      return { ...base, title: '', taskType: 'todo', assignee: { type: 'owner' }, due: { type: 'relative', minutes: 1440 } };
    case 'notify':
      return { ...base, to: { type: 'owner' }, title: '', body: '' };
    case 'send_email':
      return { ...base, to: 'contact', subject: '', body: '' };
    case 'generate_document':
      return { ...base, kind: 'offer' };
    case 'wait':
      return { ...base, minutes: 60 };
    case 'wait_until':
      return { ...base, field: '', offsetMinutes: 0 };
    case 'report':
      return { ...base, to: { type: 'head' } };
    case 'if':
      // biome-ignore lint/suspicious/noThenProperty: an if step's branch is data (an array of steps), never a thenable
      return { ...base, conditions: { mode: 'all', items: [] }, then: [], else: [] };
    case 'webhook':
      return { ...base, url: '' };
    default:
      return base;
  }
}

/** Field error paths the editor shows next to their inputs (the rest are listed above the save button). */
const INLINE =
  /^(name|description|trigger(\.\w+)?|(conditions|steps\.\d+(\.(then|else)\.\d+)*\.(conditions|onlyIf))\.(all|any)\.\d+(\.(all|any)\.\d+)?(\.\w+)?|steps(\.\d+(\.(then|else)\.\d+)*(\.[a-zA-Z]+(\.[a-zA-Z]+)?)?)?)$/;
export const isInlinePath = (path: string) => INLINE.test(path);

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomFields } from '../../api/customFields.ts';
import { usePipelines } from '../../api/pipelines.ts';
import { useTaskTypes } from '../../api/tasks.ts';
import type { CustomFieldType, Pipeline } from '../../api/types.ts';
import { useUserDirectory } from '../../api/users.ts';
import type { ConditionOp } from '../../api/workflows.ts';
import { stageLabel } from '../pipelines/stages.ts';

/** How a field's value is entered and compared. */
export type FieldKind = CustomFieldType | 'user' | 'choice';
export type FieldEntity = 'deal' | 'contact' | 'company' | 'task';

export interface FieldDef {
  /** As the engine reads it: deal.amountCents, deal.customFields.visitAt, task.type … */
  path: string;
  entity: FieldEntity;
  label: string;
  kind: FieldKind;
  options?: { value: string; label: string }[];
  /** Worked out for conditions (what the deal already has), never a stored field that changes. */
  computed?: boolean;
}

const BUILT_IN: { entity: FieldEntity; key: string; kind: FieldKind; computed?: boolean }[] = [
  { entity: 'deal', key: 'title', kind: 'text' },
  { entity: 'deal', key: 'amountCents', kind: 'money' },
  { entity: 'deal', key: 'status', kind: 'choice' },
  { entity: 'deal', key: 'pipelineId', kind: 'choice' },
  { entity: 'deal', key: 'stageKey', kind: 'choice' },
  { entity: 'deal', key: 'ownerId', kind: 'user' },
  { entity: 'deal', key: 'source', kind: 'text' },
  { entity: 'deal', key: 'expectedCloseDate', kind: 'date' },
  { entity: 'deal', key: 'paidAt', kind: 'datetime' },
  // what the deal already has: lists, for guards such as "no measurement task yet"
  { entity: 'deal', key: 'openTaskTypes', kind: 'multiselect', computed: true },
  { entity: 'deal', key: 'doneTaskTypes', kind: 'multiselect', computed: true },
  { entity: 'deal', key: 'documentKinds', kind: 'multiselect', computed: true },
  { entity: 'contact', key: 'name', kind: 'text' },
  { entity: 'contact', key: 'email', kind: 'text' },
  { entity: 'contact', key: 'phone', kind: 'text' },
  { entity: 'contact', key: 'city', kind: 'text' },
  { entity: 'contact', key: 'source', kind: 'text' },
  { entity: 'contact', key: 'ownerId', kind: 'user' },
  { entity: 'company', key: 'name', kind: 'text' },
  { entity: 'task', key: 'type', kind: 'choice' },
  { entity: 'task', key: 'title', kind: 'text' },
  { entity: 'task', key: 'assigneeId', kind: 'user' },
  { entity: 'task', key: 'dueAt', kind: 'datetime' },
];

/** Every field a condition, a date trigger or a step can name: the built-in ones and the custom fields. */
export function useFieldCatalog(): FieldDef[] {
  const { t, i18n } = useTranslation();
  const custom = useCustomFields();
  const pipelines = usePipelines();
  const taskTypes = useTaskTypes();
  const users = useUserDirectory();
  return useMemo(() => {
    const taskTypeOptions = (taskTypes.data ?? []).map((tt) => ({
      value: tt.key,
      label: i18n.language === 'en' ? tt.nameEn : tt.nameDe,
    }));
    const choices: Record<string, { value: string; label: string }[]> = {
      'deal.status': (['open', 'won', 'lost'] as const).map((s) => ({ value: s, label: t(`automation.dealStatus.${s}`) })),
      'deal.pipelineId': (pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name })),
      'deal.stageKey': stageKeyOptions(pipelines.data ?? [], (stage) => stageLabel(t, stage)),
      'task.type': taskTypeOptions,
      'deal.openTaskTypes': taskTypeOptions,
      'deal.doneTaskTypes': taskTypeOptions,
      'deal.documentKinds': (['offer', 'order-confirmation', 'invoice'] as const).map((k) => ({
        value: k,
        label: t(`automation.docKinds.${k}`),
      })),
    };
    const userOptions = (users.data ?? []).map((u) => ({ value: u.id, label: u.name }));
    const defs: FieldDef[] = BUILT_IN.map(({ entity, key, kind, computed }) => ({
      path: `${entity}.${key}`,
      entity,
      kind,
      ...(computed ? { computed } : {}),
      label: t(`automation.fields.${entity}.${key}` as 'automation.fields.deal.title'),
      options: kind === 'user' ? userOptions : choices[`${entity}.${key}`],
    }));
    for (const f of custom.data ?? []) {
      defs.push({
        path: `${f.entity}.customFields.${f.key}`,
        entity: f.entity,
        kind: f.type,
        label: f.label,
        options: f.options.map((o) => ({ value: o, label: o })),
      });
    }
    return defs;
  }, [t, i18n.language, custom.data, pipelines.data, taskTypes.data, users.data]);
}

/** A stage key names the same step in every pipeline that has it (won, lost …): one option, its names joined. */
function stageKeyOptions(pipelines: Pipeline[], label: (stage: Pipeline['stages'][number]) => string) {
  const names = new Map<string, Set<string>>();
  for (const stage of pipelines.flatMap((p) => p.stages)) {
    if (!stage.key) continue;
    names.set(stage.key, (names.get(stage.key) ?? new Set()).add(label(stage)));
  }
  return [...names].map(([key, set]) => ({ value: key, label: `${[...set].join(' / ')} (${key})` }));
}

export const isDateKind = (kind: FieldKind) => kind === 'date' || kind === 'datetime';

/** The comparisons that make sense for a kind of field (the engine compares numbers with gt/lt). */
export function operatorsFor(kind: FieldKind | undefined): ConditionOp[] {
  switch (kind) {
    case 'number':
    case 'money':
      return ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty'];
    case 'date':
    case 'datetime':
      return ['not_empty', 'empty'];
    case 'boolean':
      return ['eq', 'empty', 'not_empty'];
    case 'select':
    case 'choice':
      return ['eq', 'neq', 'in', 'empty', 'not_empty'];
    case 'multiselect':
      return ['contains', 'not_contains', 'empty', 'not_empty'];
    case 'user':
      return ['eq', 'neq', 'empty', 'not_empty'];
    default:
      return ['eq', 'neq', 'contains', 'not_contains', 'empty', 'not_empty'];
  }
}

export const needsValue = (op: ConditionOp) => op !== 'empty' && op !== 'not_empty';

/** Select data grouped by record type. */
export function groupedFieldOptions(
  t: (
    key: 'automation.entities.deal' | 'automation.entities.contact' | 'automation.entities.company' | 'automation.entities.task',
  ) => string,
  defs: FieldDef[],
  filter: (def: FieldDef) => boolean = () => true,
) {
  return (['deal', 'contact', 'company', 'task'] as const)
    .map((entity) => ({
      group: t(`automation.entities.${entity}`),
      items: defs.filter((d) => d.entity === entity && filter(d)).map((d) => ({ value: d.path, label: d.label })),
    }))
    .filter((g) => g.items.length > 0);
}

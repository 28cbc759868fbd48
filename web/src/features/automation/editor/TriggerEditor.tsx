import { Badge, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWebForms } from '../../../api/forms.ts';
import { usePipelines } from '../../../api/pipelines.ts';
import { TRIGGER_TYPES, type Trigger, type TriggerEntity, type TriggerType } from '../../../api/workflows.ts';
import { stageLabel } from '../../pipelines/stages.ts';
import { useFieldError } from '../errors.tsx';
import { type FieldDef, groupedFieldOptions, isDateKind } from '../fields.ts';
import { CRON_PRESETS, describeCron, isCron } from '../time.ts';
import { DurationInput } from './DurationInput.tsx';
import { TaskTypePicker } from './Pickers.tsx';
import { ValueInput } from './ValueInput.tsx';

interface Props {
  trigger: Trigger;
  onChange: (trigger: Trigger) => void;
  fields: FieldDef[];
}

const ENTITIES: TriggerEntity[] = ['deal', 'contact', 'company', 'task'];
/** The records that show "Workflow starten" (deal, contact and company pages). */
const MANUAL_ENTITIES: TriggerEntity[] = ['deal', 'contact', 'company'];
const PIPELINE_TRIGGERS: TriggerType[] = ['deal.stage_changed', 'deal.won', 'deal.lost', 'deal.paid', 'task.completed'];

/** When a workflow starts: the trigger type and its options. */
export function TriggerEditor({ trigger, onChange, fields }: Props) {
  const { t } = useTranslation();
  const error = useFieldError();
  const pipelines = usePipelines();
  const forms = useWebForms();
  const set = (changes: Partial<Trigger>) => {
    const next: Trigger = { ...trigger, ...changes };
    for (const key of Object.keys(next) as (keyof Trigger)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    onChange(next);
  };
  const pipeline = pipelines.data?.find((p) => p.id === trigger.pipelineId);
  const entityOptions = (list: TriggerEntity[]) => list.map((e) => ({ value: e, label: t(`automation.entities.${e}`) }));

  return (
    <Stack gap="sm">
      <Select
        label={t('automation.trigger.type')}
        data={TRIGGER_TYPES.map((type) => ({ value: type, label: t(`automation.triggerTypes.${type}`) }))}
        value={trigger.type}
        allowDeselect={false}
        error={error('trigger.type') ?? error('trigger')}
        onChange={(type) => {
          const next = (type ?? 'deal.won') as TriggerType;
          onChange(
            next.startsWith('record.')
              ? { type: next, entity: 'deal' }
              : next === 'manual'
                ? { type: next, entity: 'deal' }
                : next === 'schedule'
                  ? { type: next, cron: '0 8 * * 1-5' }
                  : next === 'date'
                    ? { type: next, entity: 'deal', dateField: '', offsetMinutes: -4320 }
                    : { type: next },
          );
        }}
      />

      {(trigger.type === 'record.created' || trigger.type === 'record.updated' || trigger.type === 'manual') && (
        <Select
          label={t('automation.trigger.entity')}
          data={entityOptions(trigger.type === 'manual' ? MANUAL_ENTITIES : ENTITIES)}
          value={trigger.entity ?? null}
          error={error('trigger.entity')}
          onChange={(entity) => set({ entity: (entity ?? undefined) as TriggerEntity | undefined, field: undefined })}
        />
      )}

      {trigger.type === 'record.updated' && <ChangedFieldFields trigger={trigger} set={set} fields={fields} />}

      {PIPELINE_TRIGGERS.includes(trigger.type) && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {trigger.type === 'task.completed' && (
            <TaskTypePicker
              label={t('automation.trigger.taskType')}
              placeholder={t('automation.trigger.anyTaskType')}
              clearable
              value={trigger.taskType ?? null}
              error={error('trigger.taskType')}
              onChange={(taskType) => set({ taskType: taskType ?? undefined })}
            />
          )}
          <Select
            label={t('automation.trigger.pipeline')}
            placeholder={t('automation.trigger.anyPipeline')}
            data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={trigger.pipelineId ?? null}
            clearable
            error={error('trigger.pipelineId')}
            onChange={(pipelineId) => set({ pipelineId: pipelineId ?? undefined, toStageId: undefined })}
          />
          {trigger.type === 'deal.stage_changed' && (
            <Select
              label={t('automation.trigger.toStage')}
              placeholder={pipeline ? t('automation.trigger.anyStage') : t('automation.trigger.pickPipelineFirst')}
              data={(pipeline?.stages ?? []).map((s) => ({ value: s.id, label: stageLabel(t, s) }))}
              value={trigger.toStageId ?? null}
              disabled={!pipeline}
              clearable
              error={error('trigger.toStageId')}
              onChange={(toStageId) => set({ toStageId: toStageId ?? undefined })}
            />
          )}
        </SimpleGrid>
      )}

      {trigger.type === 'form.submitted' && (
        <Select
          label={t('automation.trigger.form')}
          placeholder={t('automation.trigger.anyForm')}
          data={(forms.data ?? []).map((f) => ({ value: f.key, label: `${f.name} (${f.key})` }))}
          value={trigger.formKey ?? null}
          clearable
          error={error('trigger.formKey')}
          onChange={(formKey) => set({ formKey: formKey ?? undefined })}
        />
      )}

      {trigger.type === 'schedule' && <CronFields trigger={trigger} set={set} error={error('trigger.cron')} />}

      {trigger.type === 'date' && (
        <DateTriggerFields
          trigger={trigger}
          set={set}
          fields={fields}
          error={error('trigger.dateField')}
          entityError={error('trigger.entity')}
        />
      )}

      {trigger.type === 'manual' && (
        <Text size="sm" c="dimmed">
          {t('automation.trigger.manualHint')}
        </Text>
      )}
    </Stack>
  );
}

function CronFields({ trigger, set, error }: { trigger: Trigger; set: (c: Partial<Trigger>) => void; error?: string }) {
  const { t } = useTranslation();
  const cron = trigger.cron ?? '';
  const hint = describeCron(t, cron);
  return (
    <Stack gap={6}>
      <TextInput
        label={t('automation.trigger.cron')}
        description={t('automation.trigger.cronHint')}
        value={cron}
        ff="monospace"
        error={error ?? (cron && !isCron(cron) ? t('automation.trigger.cronInvalid') : undefined)}
        onChange={(e) => set({ cron: e.currentTarget.value })}
      />
      <Text size="sm" data-testid="cron-hint">
        {hint ?? (isCron(cron) ? t('automation.cron.custom') : '')}
      </Text>
      <Group gap={6}>
        {CRON_PRESETS.map((preset) => (
          <Badge
            key={preset}
            component="button"
            type="button"
            variant={preset === cron ? 'filled' : 'light'}
            tt="none"
            style={{ cursor: 'pointer' }}
            onClick={() => set({ cron: preset })}
          >
            {describeCron(t, preset)}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

function DateTriggerFields({
  trigger,
  set,
  fields,
  error,
  entityError,
}: {
  trigger: Trigger;
  set: (c: Partial<Trigger>) => void;
  fields: FieldDef[];
  error?: string;
  entityError?: string;
}) {
  const { t } = useTranslation();
  const offset = trigger.offsetMinutes ?? 0;
  const direction = offset < 0 ? 'before' : offset > 0 ? 'after' : 'at';
  const entity = trigger.entity;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('automation.trigger.dateEntity')}
          required
          data={ENTITIES.map((e) => ({ value: e, label: t(`automation.entities.${e}`) }))}
          value={entity ?? null}
          allowDeselect={false}
          error={entityError}
          onChange={(e) => set({ entity: (e ?? undefined) as TriggerEntity | undefined, dateField: '' })}
        />
        <Select
          label={t('automation.trigger.dateField')}
          required
          data={groupedFieldOptions(t, fields, (f) => isDateKind(f.kind) && f.entity === entity)}
          value={trigger.dateField ? withEntity(entity, trigger.dateField) : null}
          searchable
          nothingFoundMessage={t('automation.trigger.noDateFields')}
          error={error}
          onChange={(dateField) => set({ dateField: dateField ? relativeField(entity, dateField) : '' })}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('automation.trigger.when')}
          data={(['before', 'at', 'after'] as const).map((d) => ({ value: d, label: t(`automation.direction.${d}`) }))}
          value={direction}
          allowDeselect={false}
          onChange={(d) => set({ offsetMinutes: d === 'at' ? 0 : (d === 'before' ? -1 : 1) * Math.max(Math.abs(offset), 1440) })}
        />
        {direction !== 'at' && (
          <DurationInput
            label={t('automation.trigger.offset')}
            minutes={Math.abs(offset)}
            units={['hours', 'days']}
            onChange={(m) => set({ offsetMinutes: direction === 'before' ? -m : m })}
          />
        )}
      </SimpleGrid>
    </Stack>
  );
}

/** Trigger fields are relative to the trigger's record (customFields.rating); the catalog names the entity. */
export const relativeField = (entity: TriggerEntity | undefined, path: string) =>
  entity && path.startsWith(`${entity}.`) ? path.slice(entity.length + 1) : path;
export const withEntity = (entity: TriggerEntity | undefined, field: string) =>
  entity && !field.startsWith(`${entity}.`) ? `${entity}.${field}` : field;

type ChangeMode = 'any' | 'value' | 'cleared';

/** record.updated: only when a field changed — to any value, to a given value, or was cleared (changedTo null). */
function ChangedFieldFields({
  trigger,
  set,
  fields,
}: {
  trigger: Trigger;
  set: (c: Partial<Trigger>) => void;
  fields: FieldDef[];
}) {
  const { t } = useTranslation();
  const error = useFieldError();
  const entity = trigger.entity ?? 'deal';
  const [mode, setMode] = useState<ChangeMode>(
    trigger.changedTo === undefined ? 'any' : trigger.changedTo === null ? 'cleared' : 'value',
  );
  const path = trigger.field ? withEntity(entity, trigger.field) : null;
  const def = fields.find((f) => f.path === path);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={t('automation.trigger.changedField')}
        description={t('automation.trigger.changedFieldHint')}
        data={groupedFieldOptions(t, fields, (f) => f.entity === entity && !f.computed)}
        value={path}
        searchable
        clearable
        error={error('trigger.field')}
        onChange={(field) => {
          setMode('any');
          set({ field: field ? relativeField(entity, field) : undefined, changedTo: undefined });
        }}
      />
      <Select
        label={t('automation.trigger.changedTo')}
        data={(['any', 'value', 'cleared'] as const).map((m) => ({
          value: m,
          label: t(`automation.trigger.changedToModes.${m}`),
        }))}
        value={mode}
        allowDeselect={false}
        disabled={!trigger.field}
        error={error('trigger.changedTo')}
        onChange={(m) => {
          const next = (m ?? 'any') as ChangeMode;
          setMode(next);
          set({ changedTo: next === 'cleared' ? null : undefined });
        }}
      />
      {trigger.field && mode === 'value' && (
        <ValueInput
          def={def}
          label={t('automation.trigger.changedToValue')}
          showLabel
          value={trigger.changedTo}
          error={error('trigger.changedTo')}
          onChange={(changedTo) => set({ changedTo })}
        />
      )}
    </SimpleGrid>
  );
}

import { Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePipelines } from '../../../api/pipelines.ts';
import { type Recipient, type RecipientType, type StepBase, useDocumentTemplates } from '../../../api/workflows.ts';
import { stageLabel } from '../../pipelines/stages.ts';
import type { DraftStep } from '../draft.ts';
import { useFieldError } from '../errors.tsx';
import { type FieldDef, groupedFieldOptions, isDateKind } from '../fields.ts';
import { ConditionBuilder } from './ConditionBuilder.tsx';
import { DurationInput } from './DurationInput.tsx';
import { UserPicker } from './Pickers.tsx';
import { StepList } from './StepList.tsx';
import { TaskStepFields } from './TaskStepFields.tsx';
import { ValueInput } from './ValueInput.tsx';
import { WebhookStepFields } from './WebhookStepFields.tsx';

interface Props {
  step: DraftStep;
  onChange: (step: DraftStep) => void;
  path: string;
  fields: FieldDef[];
  pipelineId?: string;
  depth: number;
}

/** Deal fields a workflow may set (update_field). */
const SETTABLE = ['deal.title', 'deal.source', 'deal.expectedCloseDate'];

/** The form of one step, by its type. */
export function StepFields({ step, onChange, path, fields, pipelineId, depth }: Props) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const error = (field: string) => fieldError(`${path}.${field}`);
  const set = (changes: Partial<StepBase>) => onChange({ ...step, ...changes } as DraftStep);
  const placeholders = t('automation.placeholders');

  switch (step.type) {
    case 'create_task':
      return <TaskStepFields step={step} onChange={set} error={error} fields={fields} />;
    case 'webhook':
      return <WebhookStepFields step={step} onChange={set} error={error} />;
    case 'update_field': {
      const def = fields.find((f) => f.path === step.field);
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('automation.steps.update.field')}
            data={groupedFieldOptions(t, fields, (f) => SETTABLE.includes(f.path) || f.path.startsWith('deal.customFields.'))}
            value={step.field ?? null}
            searchable
            required
            error={error('field')}
            onChange={(field) => set({ field: field ?? undefined, value: undefined })}
          />
          <ValueInput
            def={def}
            label={t('automation.steps.update.value')}
            showLabel
            value={step.value}
            error={error('value')}
            onChange={(value) => set({ value })}
          />
        </SimpleGrid>
      );
    }
    case 'move_stage':
      return <MoveStageFields step={step} set={set} error={error} pipelineId={pipelineId} />;
    case 'notify':
      return (
        <Stack gap="sm">
          <RecipientFields value={step.to} onChange={(to) => set({ to })} error={error} />
          <TextInput
            label={t('automation.steps.notify.title')}
            description={placeholders}
            required
            value={step.title ?? ''}
            error={error('title')}
            onChange={(e) => set({ title: e.currentTarget.value })}
          />
          <Textarea
            label={t('automation.steps.notify.body')}
            autosize
            minRows={2}
            value={step.body ?? ''}
            error={error('body')}
            onChange={(e) => set({ body: e.currentTarget.value })}
          />
        </Stack>
      );
    case 'report':
      return (
        <Stack gap="xs">
          <RecipientFields value={step.to ?? { type: 'head' }} onChange={(to) => set({ to })} error={error} />
          <Text size="xs" c="dimmed">
            {t('automation.steps.report.hint')}
          </Text>
        </Stack>
      );
    case 'send_email':
      return <EmailFields step={step} set={set} error={error} />;
    case 'generate_document':
      return <DocumentFields step={step} set={set} error={error} />;
    case 'wait':
      return (
        <DurationInput
          label={t('automation.steps.wait.duration')}
          minutes={step.minutes}
          error={error('minutes')}
          onChange={(minutes) => set({ minutes })}
        />
      );
    case 'wait_until': {
      const offset = step.offsetMinutes ?? 0;
      const direction = offset < 0 ? 'before' : offset > 0 ? 'after' : 'at';
      return (
        <Stack gap="sm">
          <Select
            label={t('automation.steps.waitUntil.field')}
            data={groupedFieldOptions(t, fields, (f) => isDateKind(f.kind))}
            value={step.field || null}
            searchable
            required
            error={error('field')}
            onChange={(field) => set({ field: field ?? '' })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('automation.trigger.when')}
              data={(['before', 'at', 'after'] as const).map((d) => ({ value: d, label: t(`automation.direction.${d}`) }))}
              value={direction}
              allowDeselect={false}
              onChange={(d) =>
                set({ offsetMinutes: d === 'at' ? 0 : (d === 'before' ? -1 : 1) * Math.max(Math.abs(offset), 60) })
              }
            />
            {direction !== 'at' && (
              <DurationInput
                label={t('automation.trigger.offset')}
                minutes={Math.abs(offset)}
                error={error('offsetMinutes')}
                onChange={(m) => set({ offsetMinutes: direction === 'before' ? -m : m })}
              />
            )}
          </SimpleGrid>
        </Stack>
      );
    }
    case 'if':
      return (
        <Stack gap="sm">
          <ConditionBuilder
            value={step.conditions ?? { mode: 'all', items: [] }}
            onChange={(conditions) => onChange({ ...step, conditions })}
            fields={fields}
            path={`${path}.conditions`}
          />
          {error('conditions') && (
            <Text c="red" size="sm">
              {error('conditions')}
            </Text>
          )}
          {(['then', 'else'] as const).map((branch) => (
            <Stack key={branch} gap="xs" pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-blue-light)' }}>
              <Title order={4} size="sm">
                {t(`automation.steps.if.${branch}`)}
              </Title>
              <StepList
                steps={step[branch] ?? []}
                onChange={(steps) => onChange({ ...step, [branch]: steps })}
                path={`${path}.${branch}`}
                fields={fields}
                pipelineId={pipelineId}
                depth={depth + 1}
              />
            </Stack>
          ))}
        </Stack>
      );
    default:
      return null;
  }
}

function RecipientFields({
  value,
  onChange,
  error,
}: {
  value: StepBase['to'];
  onChange: (to: Recipient) => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const to: Recipient = typeof value === 'object' && value ? value : { type: 'owner' };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={t('automation.steps.notify.to')}
        data={(['owner', 'head', 'assignee', 'user'] as const).map((r) => ({ value: r, label: t(`automation.recipients.${r}`) }))}
        value={to.type}
        allowDeselect={false}
        error={error('to') ?? error('to.type')}
        onChange={(type) => onChange({ type: (type ?? 'owner') as RecipientType })}
      />
      {to.type === 'user' && (
        <UserPicker
          label={t('automation.steps.task.user')}
          required
          value={to.userId ?? null}
          error={error('to.userId')}
          onChange={(userId) => onChange({ type: 'user', userId: userId ?? undefined })}
        />
      )}
    </SimpleGrid>
  );
}

function EmailFields({
  step,
  set,
  error,
}: {
  step: StepBase;
  set: (c: Partial<StepBase>) => void;
  error: (f: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const to = typeof step.to === 'string' ? step.to : 'contact';
  const target = to === 'contact' || to === 'owner' ? to : 'address';
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('automation.steps.email.to')}
          data={(['contact', 'owner', 'address'] as const).map((r) => ({
            value: r,
            label: t(`automation.steps.email.targets.${r}`),
          }))}
          value={target}
          allowDeselect={false}
          onChange={(v) => set({ to: v === 'address' ? '' : (v ?? 'contact') })}
        />
        {target === 'address' && (
          <TextInput
            label={t('automation.steps.email.address')}
            type="email"
            required
            value={to}
            error={error('to')}
            onChange={(e) => set({ to: e.currentTarget.value })}
          />
        )}
      </SimpleGrid>
      <TextInput
        label={t('automation.steps.email.subject')}
        description={t('automation.placeholders')}
        required
        value={step.subject ?? ''}
        error={error('subject')}
        onChange={(e) => set({ subject: e.currentTarget.value })}
      />
      <Textarea
        label={t('automation.steps.email.body')}
        autosize
        minRows={4}
        value={step.body ?? ''}
        error={error('body')}
        onChange={(e) => set({ body: e.currentTarget.value })}
      />
    </Stack>
  );
}

const DOC_KINDS = ['offer', 'order-confirmation', 'invoice'] as const;

function DocumentFields({
  step,
  set,
  error,
}: {
  step: StepBase;
  set: (c: Partial<StepBase>) => void;
  error: (f: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const templates = useDocumentTemplates();
  const kind = step.kind ?? 'offer';
  const kinds: string[] = [...DOC_KINDS];
  if (!kinds.includes(kind)) kinds.push(kind);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={t('automation.steps.document.kind')}
        data={kinds.map((k) => ({
          value: k,
          label: (DOC_KINDS as readonly string[]).includes(k) ? t(`automation.docKinds.${k as (typeof DOC_KINDS)[number]}`) : k,
        }))}
        value={kind}
        allowDeselect={false}
        error={error('kind')}
        onChange={(k) => set({ kind: k ?? 'offer', templateId: undefined })}
      />
      <Select
        label={t('automation.steps.document.template')}
        placeholder={t('automation.steps.document.defaultTemplate')}
        data={(templates.data ?? []).filter((tpl) => tpl.kind === kind).map((tpl) => ({ value: tpl.id, label: tpl.name }))}
        value={step.templateId ?? null}
        clearable
        error={error('templateId')}
        onChange={(templateId) => set({ templateId: templateId ?? undefined })}
      />
    </SimpleGrid>
  );
}

function MoveStageFields({
  step,
  set,
  error,
  pipelineId,
}: {
  step: StepBase;
  set: (c: Partial<StepBase>) => void;
  error: (f: string) => string | undefined;
  pipelineId?: string;
}) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const list = (pipelines.data ?? []).filter((p) => !pipelineId || p.id === pipelineId);
  // Templates name stages by key (the same in every copy of their pipeline): show the matching stage.
  const byKey = step.stageKey ? list.flatMap((p) => p.stages).find((s) => s.key === step.stageKey) : undefined;
  const value = step.stageId ?? byKey?.id ?? (step.stageKey ? `key:${step.stageKey}` : null);
  const data = list.map((p) => ({ group: p.name, items: p.stages.map((s) => ({ value: s.id, label: stageLabel(t, s) })) }));
  if (value?.startsWith('key:')) data.push({ group: '—', items: [{ value, label: step.stageKey ?? '' }] });
  return (
    <Select
      label={t('automation.steps.move.stage')}
      description={pipelineId ? undefined : t('automation.steps.move.anyPipelineHint')}
      data={data}
      value={value}
      searchable
      required
      error={error('stageId') ?? error('stageKey')}
      onChange={(stageId) =>
        stageId && !stageId.startsWith('key:') ? set({ stageId, stageKey: undefined }) : set({ stageId: undefined })
      }
    />
  );
}

import { Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Assignee, AssigneeType, Due, StepBase } from '../../../api/workflows.ts';
import { type FieldDef, groupedFieldOptions, isDateKind } from '../fields.ts';
import { DurationInput } from './DurationInput.tsx';
import { TaskTypePicker, TeamPicker, UserPicker } from './Pickers.tsx';

interface Props {
  step: StepBase;
  onChange: (changes: Partial<StepBase>) => void;
  error: (field: string) => string | undefined;
  fields: FieldDef[];
}

const ASSIGNEES: AssigneeType[] = ['owner', 'user', 'team_round_robin', 'least_busy', 'trigger_assignee'];
const DUES: Due['type'][] = ['relative', 'field', 'sla'];

/** create_task: title, type, text, who gets it and when it is due. */
export function TaskStepFields({ step, onChange, error, fields }: Props) {
  const { t } = useTranslation();
  const assignee: Assignee = step.assignee ?? { type: 'owner' };
  const due: Due = step.due ?? { type: 'sla' };
  return (
    <Stack gap="sm">
      <TextInput
        label={t('automation.steps.task.title')}
        description={t('automation.placeholders')}
        required
        value={step.title ?? ''}
        error={error('title')}
        onChange={(e) => onChange({ title: e.currentTarget.value })}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TaskTypePicker
          label={t('automation.steps.task.type')}
          value={step.taskType ?? 'todo'}
          allowDeselect={false}
          error={error('taskType')}
          onChange={(taskType) => onChange({ taskType: taskType ?? 'todo' })}
        />
        <Select
          label={t('automation.steps.task.assignee')}
          data={ASSIGNEES.map((a) => ({ value: a, label: t(`automation.assignees.${a}`) }))}
          value={assignee.type}
          allowDeselect={false}
          error={error('assignee') ?? error('assignee.type')}
          onChange={(type) => onChange({ assignee: { type: (type ?? 'owner') as AssigneeType } })}
        />
        {assignee.type === 'user' && (
          <UserPicker
            label={t('automation.steps.task.user')}
            required
            value={assignee.userId ?? null}
            error={error('assignee.userId')}
            onChange={(userId) => onChange({ assignee: { type: 'user', userId: userId ?? undefined } })}
          />
        )}
        {(assignee.type === 'team_round_robin' || assignee.type === 'least_busy') && (
          <TeamPicker
            label={t('automation.steps.task.team')}
            required
            value={assignee.teamId ?? null}
            error={error('assignee.teamId')}
            onChange={(teamId) => onChange({ assignee: { type: assignee.type, teamId: teamId ?? undefined } })}
          />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('automation.steps.task.due')}
          data={DUES.map((d) => ({ value: d, label: t(`automation.dues.${d}`) }))}
          value={due.type}
          allowDeselect={false}
          error={error('due') ?? error('due.type')}
          onChange={(type) =>
            onChange({
              due: type === 'relative' ? { type, minutes: 1440 } : { type: (type ?? 'sla') as Due['type'] },
            })
          }
        />
        {due.type === 'relative' && (
          <DurationInput
            label={t('automation.steps.task.dueIn')}
            minutes={due.minutes}
            error={error('due.minutes')}
            onChange={(minutes) => onChange({ due: { ...due, minutes } })}
          />
        )}
        {due.type === 'field' && (
          <Select
            label={t('automation.steps.task.dueField')}
            data={groupedFieldOptions(t, fields, (f) => isDateKind(f.kind))}
            value={due.field ?? null}
            searchable
            required
            error={error('due.field')}
            onChange={(field) => onChange({ due: { type: 'field', field: field ?? undefined } })}
          />
        )}
      </SimpleGrid>
      {due.type === 'relative' && (
        <Switch
          label={t('automation.steps.task.businessHours')}
          checked={due.businessHours ?? false}
          onChange={(e) => onChange({ due: { ...due, businessHours: e.currentTarget.checked || undefined } })}
        />
      )}
      <Textarea
        label={t('automation.steps.task.body')}
        autosize
        minRows={2}
        value={step.body ?? ''}
        error={error('body')}
        onChange={(e) => onChange({ body: e.currentTarget.value || undefined })}
      />
    </Stack>
  );
}

import { ActionIcon, Badge, Button, Group, Menu, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconFilter, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { STEP_TYPES, type StepType } from '../../../api/workflows.ts';
import { type DraftStep, newStep } from '../draft.ts';
import { useFieldError } from '../errors.tsx';
import type { FieldDef } from '../fields.ts';
import { ConditionBuilder } from './ConditionBuilder.tsx';
import { StepFields } from './StepFields.tsx';

interface Props {
  steps: DraftStep[];
  onChange: (steps: DraftStep[]) => void;
  /** Error path prefix: steps, steps.2.then … */
  path: string;
  fields: FieldDef[];
  pipelineId?: string;
  /** Nesting depth of if/else; deeper ifs are not offered. */
  depth?: number;
}

const MAX_IF_DEPTH = 2;

/** The ordered steps of a workflow (or of an if branch): add, remove, reorder, and a form per step. */
export function StepList({ steps, onChange, path, fields, pipelineId, depth = 0 }: Props) {
  const { t } = useTranslation();
  const error = useFieldError();
  const move = (i: number, by: number) => {
    const next = [...steps];
    const [step] = next.splice(i, 1);
    if (step) next.splice(i + by, 0, step);
    onChange(next);
  };
  const types = STEP_TYPES.filter((type) => type !== 'if' || depth < MAX_IF_DEPTH);

  return (
    <Stack gap="sm">
      {steps.map((step, i) => {
        const p = `${path}.${i}`;
        return (
          <Paper
            key={step.uid}
            withBorder
            radius="md"
            p="sm"
            data-step={step.type}
            aria-label={t('automation.steps.label', { n: i + 1, type: t(`automation.stepTypes.${step.type}`) })}
            component="section"
          >
            <Group justify="space-between" wrap="nowrap" mb="xs" gap="xs">
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <Badge variant="filled" circle>
                  {i + 1}
                </Badge>
                <Text fw={500} size="sm" truncate>
                  {t(`automation.stepTypes.${step.type}`)}
                </Text>
              </Group>
              <Group gap={2} wrap="nowrap">
                <Tooltip label={t('automation.steps.up')}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('automation.steps.upLabel', { n: i + 1 })}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('automation.steps.down')}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('automation.steps.downLabel', { n: i + 1 })}
                    disabled={i === steps.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('automation.steps.remove')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('automation.steps.removeLabel', { n: i + 1 })}
                    onClick={() => onChange(steps.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
            {error(p) && (
              <Text c="red" size="sm" mb="xs">
                {error(p)}
              </Text>
            )}
            <StepFields
              step={step}
              path={p}
              fields={fields}
              pipelineId={pipelineId}
              depth={depth}
              onChange={(next) => onChange(steps.map((s, j) => (j === i ? next : s)))}
            />
            {step.type !== 'if' && (
              <StepGuard
                step={step}
                path={p}
                fields={fields}
                onChange={(next) => onChange(steps.map((s, j) => (j === i ? next : s)))}
              />
            )}
          </Paper>
        );
      })}
      {steps.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('automation.steps.none')}
        </Text>
      )}
      {error(path) && (
        <Text c="red" size="sm">
          {error(path)}
        </Text>
      )}
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }}>
            {t('automation.steps.add')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {types.map((type) => (
            <Menu.Item key={type} onClick={() => onChange([...steps, newStep(type as StepType)])}>
              {t(`automation.stepTypes.${type}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );
}

/** A step's own guard (onlyIf): checked as the step runs; when it does not hold the step is skipped. */
function StepGuard({
  step,
  path,
  fields,
  onChange,
}: {
  step: DraftStep;
  path: string;
  fields: FieldDef[];
  onChange: (step: DraftStep) => void;
}) {
  const { t } = useTranslation();
  if (!step.onlyIf)
    return (
      <Button
        mt="xs"
        size="compact-xs"
        variant="subtle"
        leftSection={<IconFilter size={14} />}
        onClick={() => onChange({ ...step, onlyIf: { mode: 'all', items: [] } })}
      >
        {t('automation.steps.onlyIf.add')}
      </Button>
    );
  return (
    <Stack
      gap="xs"
      mt="sm"
      pl="sm"
      style={{ borderLeft: '3px solid var(--mantine-color-gray-light)' }}
      role="group"
      aria-label={t('automation.steps.onlyIf.title')}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={500}>
          {t('automation.steps.onlyIf.title')}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          onClick={() => {
            const { onlyIf: _dropped, ...rest } = step;
            onChange(rest);
          }}
        >
          {t('automation.steps.onlyIf.remove')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('automation.steps.onlyIf.hint')}
      </Text>
      <ConditionBuilder
        value={step.onlyIf}
        onChange={(onlyIf) => onChange({ ...step, onlyIf })}
        fields={fields}
        path={`${path}.onlyIf`}
      />
    </Stack>
  );
}

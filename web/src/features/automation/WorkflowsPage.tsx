import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHistory, IconPlus, IconRobot, IconTemplate, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useDeleteWorkflow,
  useUpdateWorkflow,
  useWorkflowRuns,
  useWorkflows,
  type Workflow,
  type WorkflowRun,
} from '../../api/workflows.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { AutomationTabs } from './AutomationTabs.tsx';
import { RunStatusBadge } from './runs/RunStatusBadge.tsx';
import { TemplatesModal } from './TemplatesModal.tsx';
import { useTriggerSummary } from './triggerSummary.ts';

/** /admin/automation: the workflows with their trigger in words, on/off, version and last run. */
export function WorkflowsPage() {
  const { t } = useTranslation();
  const workflows = useWorkflows();
  const runs = useWorkflowRuns({ limit: 200 });
  const [installing, setInstalling] = useState(false);
  const lastRun = useMemo(() => {
    const map = new Map<string, WorkflowRun>();
    for (const run of runs.data ?? []) if (!map.has(run.workflowId)) map.set(run.workflowId, run);
    return map;
  }, [runs.data]);

  return (
    <>
      <PageHeader
        title={t('automation.title')}
        description={t('automation.description')}
        actions={
          <>
            <Button variant="light" leftSection={<IconTemplate size={18} />} onClick={() => setInstalling(true)}>
              {t('automation.templates.open')}
            </Button>
            <Button component={Link} to="/admin/automation/new" leftSection={<IconPlus size={18} />}>
              {t('automation.list.create')}
            </Button>
          </>
        }
      />
      <AutomationTabs />
      {workflows.isPending ? (
        <LoadingState />
      ) : workflows.isError ? (
        <ErrorAlert error={workflows.error} onRetry={() => void workflows.refetch()} />
      ) : workflows.data.length === 0 ? (
        <EmptyState
          icon={<IconRobot />}
          title={t('automation.list.empty')}
          description={t('automation.list.emptyHint')}
          action={
            <Button leftSection={<IconTemplate size={18} />} onClick={() => setInstalling(true)}>
              {t('automation.templates.open')}
            </Button>
          }
        />
      ) : (
        <Stack gap="sm">
          {workflows.data.map((workflow) => (
            <WorkflowRow key={workflow.id} workflow={workflow} lastRun={lastRun.get(workflow.id)} />
          ))}
        </Stack>
      )}
      <TemplatesModal opened={installing} onClose={() => setInstalling(false)} />
    </>
  );
}

function WorkflowRow({ workflow, lastRun }: { workflow: Workflow; lastRun: WorkflowRun | undefined }) {
  const { t } = useTranslation();
  const summary = useTriggerSummary();
  const update = useUpdateWorkflow();
  const remove = useDeleteWorkflow();
  return (
    <Paper withBorder radius="md" p="md" data-workflow={workflow.name}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 18rem', minWidth: 0 }}>
          <Group gap="xs">
            <Title order={2} size="h4">
              <Anchor component={Link} to={`/admin/automation/${encodeURIComponent(workflow.id)}`} inherit>
                {workflow.name}
              </Anchor>
            </Title>
            <Badge variant="outline" tt="none" size="sm">
              {t('automation.list.version', { version: workflow.definitionVersion })}
            </Badge>
          </Group>
          <Text size="sm" data-testid="trigger-summary">
            {summary(workflow.trigger)}
          </Text>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {t('automation.list.lastRun')}:
            </Text>
            {lastRun ? (
              <>
                <RunStatusBadge status={lastRun.status} />
                <Text size="xs" c="dimmed">
                  {formatDateTime(lastRun.startedAt)}
                </Text>
              </>
            ) : (
              <Text size="xs" c="dimmed">
                {t('automation.list.never')}
              </Text>
            )}
          </Group>
          {update.isError && <ErrorAlert error={update.error} />}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Switch
            aria-label={t('automation.list.enabledLabel', { name: workflow.name })}
            label={t('automation.list.enabled')}
            checked={workflow.enabled}
            disabled={update.isPending}
            onChange={(e) =>
              update.mutate({ id: workflow.id, version: workflow.version, changes: { enabled: e.currentTarget.checked } })
            }
          />
          <Button
            variant="subtle"
            size="xs"
            component={Link}
            to={`/admin/automation/runs?workflowId=${encodeURIComponent(workflow.id)}`}
            leftSection={<IconHistory size={14} />}
          >
            {t('automation.list.runs')}
          </Button>
          <ConfirmButton
            iconOnly
            icon={<IconTrash size={16} />}
            label={t('automation.list.deleteLabel', { name: workflow.name })}
            title={t('automation.list.deleteTitle')}
            message={t('automation.list.deleteMessage', { name: workflow.name })}
            confirmLabel={t('common.delete')}
            loading={remove.isPending}
            onConfirm={() =>
              remove.mutateAsync(workflow.id).then(() => notifications.show({ message: t('automation.list.deleted') }))
            }
          />
        </Group>
      </Group>
    </Paper>
  );
}

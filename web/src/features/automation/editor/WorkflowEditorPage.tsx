import { Button, Group, Paper, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconHistory, IconInfoCircle, IconPlayerPlay, IconSearchOff } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { useCreateWorkflow, useUpdateWorkflow, useWorkflow, type Workflow } from '../../../api/workflows.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../../components/errors.ts';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { type Draft, fromDraft, isInlinePath, toDraft } from '../draft.ts';
import { EditorErrors } from '../errors.tsx';
import { useFieldCatalog } from '../fields.ts';
import { ConditionBuilder } from './ConditionBuilder.tsx';
import { StepList } from './StepList.tsx';
import { TestRunModal } from './TestRunModal.tsx';
import { TriggerEditor } from './TriggerEditor.tsx';
import { hasWebhookStep, showWebhookSecret, WebhookSecretModal, WebhookSecretPanel } from './WebhookSecret.tsx';

/** /admin/automation/new and /admin/automation/:id — build a workflow without code. */
export function WorkflowEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const workflow = useWorkflow(id ?? null);
  if (!id) return <WorkflowEditor workflow={null} />;
  if (workflow.isPending) return <LoadingState />;
  if (workflow.isError) {
    if (workflow.error instanceof ApiError && workflow.error.status === 404)
      return <EmptyState icon={<IconSearchOff />} title={t('automation.editor.notFound')} titleOrder={1} />;
    return <ErrorAlert error={workflow.error} onRetry={() => void workflow.refetch()} />;
  }
  // A saved definition is a new version: start over from what the server stored.
  return <WorkflowEditor key={`${workflow.data.id}:${workflow.data.definitionVersion}`} workflow={workflow.data} />;
}

function Section({ title, children, description }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb={description ? 2 : 'sm'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}

function WorkflowEditor({ workflow }: { workflow: Workflow | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => toDraft(workflow));
  const [testing, setTesting] = useState(false);
  const create = useCreateWorkflow();
  const update = useUpdateWorkflow();
  const toggle = useUpdateWorkflow();
  const fields = useFieldCatalog();
  const saving = create.isPending || update.isPending;
  const saveError = create.error ?? update.error;
  const errors = fieldErrorsOf(t, saveError);
  const patch = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));

  async function save() {
    const input = fromDraft(draft);
    try {
      if (!workflow) {
        const created = await create.mutateAsync({ ...input, enabled: draft.enabled });
        if (created.webhookSecret) showWebhookSecret(created.webhookSecret);
        notifications.show({ color: 'teal', message: t('automation.editor.created', { name: created.name }) });
        navigate(`/admin/automation/${encodeURIComponent(created.id)}`, { replace: true });
      } else {
        const saved = await update.mutateAsync({ id: workflow.id, version: workflow.version, changes: input });
        if (saved.webhookSecret) showWebhookSecret(saved.webhookSecret);
        notifications.show({
          color: 'teal',
          message: t('automation.editor.saved', { version: saved.definitionVersion }),
        });
      }
    } catch {
      // shown next to the fields and above the button
    }
  }

  return (
    <EditorErrors errors={errors}>
      <PageHeader
        title={workflow ? workflow.name : t('automation.editor.newTitle')}
        description={
          workflow
            ? t('automation.editor.versionInfo', { version: workflow.definitionVersion })
            : t('automation.editor.newDescription')
        }
        actions={
          workflow && (
            <>
              <Switch
                label={t('automation.list.enabled')}
                checked={workflow.enabled}
                disabled={toggle.isPending}
                onChange={(e) =>
                  toggle.mutate({ id: workflow.id, version: workflow.version, changes: { enabled: e.currentTarget.checked } })
                }
              />
              <Button variant="light" leftSection={<IconPlayerPlay size={16} />} onClick={() => setTesting(true)}>
                {t('automation.test.open')}
              </Button>
              <Button
                variant="subtle"
                component={Link}
                to={`/admin/automation/runs?workflowId=${encodeURIComponent(workflow.id)}`}
                leftSection={<IconHistory size={16} />}
              >
                {t('automation.list.runs')}
              </Button>
            </>
          )
        }
      />
      {toggle.isError && <ErrorAlert error={toggle.error} />}
      <Stack gap="md">
        <Section title={t('automation.editor.general')}>
          <Stack gap="sm">
            <TextInput
              label={t('automation.editor.name')}
              required
              value={draft.name}
              error={errors.name}
              onChange={(e) => patch({ name: e.currentTarget.value })}
            />
            <Textarea
              label={t('automation.editor.description')}
              autosize
              minRows={1}
              value={draft.description}
              error={errors.description}
              onChange={(e) => patch({ description: e.currentTarget.value })}
            />
            {!workflow && (
              <Switch
                label={t('automation.editor.enableOnSave')}
                checked={draft.enabled}
                onChange={(e) => patch({ enabled: e.currentTarget.checked })}
              />
            )}
          </Stack>
        </Section>
        <Section title={t('automation.editor.trigger')} description={t('automation.editor.triggerHint')}>
          <TriggerEditor trigger={draft.trigger} onChange={(trigger) => patch({ trigger })} fields={fields} />
        </Section>
        <Section title={t('automation.editor.conditions')} description={t('automation.editor.conditionsHint')}>
          {draft.trigger.type === 'schedule' ? (
            <Text size="sm" data-testid="schedule-no-conditions">
              {t('automation.editor.scheduleNoConditions')}
            </Text>
          ) : (
            <ConditionBuilder
              value={draft.conditions}
              onChange={(conditions) => patch({ conditions })}
              fields={fields}
              path="conditions"
            />
          )}
        </Section>
        <Section title={t('automation.editor.steps')} description={t('automation.editor.stepsHint')}>
          <StepList
            steps={draft.steps}
            onChange={(steps) => patch({ steps })}
            path="steps"
            fields={fields}
            pipelineId={draft.trigger.pipelineId}
          />
        </Section>
        {(hasWebhookStep(draft.steps) || (workflow && hasWebhookStep(workflow.steps))) && (
          <WebhookSecretPanel workflow={workflow} />
        )}
        {saveError && <ErrorAlert error={saveError} hideFields={Object.keys(errors).filter(isInlinePath)} />}
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" gap="sm">
            {workflow ? (
              <Group gap={6} wrap="nowrap" style={{ flex: '1 1 16rem' }}>
                <IconInfoCircle size={18} aria-hidden="true" />
                <Text size="sm" c="dimmed">
                  {t('automation.editor.newVersionHint', { next: workflow.definitionVersion + 1 })}
                </Text>
              </Group>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" component={Link} to="/admin/automation">
                {t('common.cancel')}
              </Button>
              <Button leftSection={<IconDeviceFloppy size={16} />} loading={saving} onClick={() => void save()}>
                {workflow ? t('automation.editor.saveVersion') : t('automation.editor.create')}
              </Button>
            </Group>
          </Group>
        </Paper>
      </Stack>
      <WebhookSecretModal />
      {workflow && (
        <TestRunModal opened={testing} onClose={() => setTesting(false)} workflowId={workflow.id} trigger={workflow.trigger} />
      )}
    </EditorErrors>
  );
}

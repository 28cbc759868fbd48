import { Button, Group, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Page } from '../../api/client.ts';
import { useDeleteStage, useUpdatePipeline } from '../../api/pipelines.ts';
import type { Pipeline, Stage } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorSummary } from '../../components/errors.ts';
import { StageDeleteModal } from './StageDeleteModal.tsx';
import { StageListEditor } from './StageListEditor.tsx';
import { draftOf, draftProblems, newDraft, type StageDraft, stageInputs } from './stageDraft.ts';

/** Edits one pipeline: its name, default flag and the complete stage list, saved together (If-Match). */
export function PipelineEditor({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const update = useUpdatePipeline();
  const deleteStage = useDeleteStage();
  const [base, setBase] = useState(pipeline);
  const [name, setName] = useState(pipeline.name);
  const [isDefault, setIsDefault] = useState(pipeline.isDefault);
  const [drafts, setDrafts] = useState(() => pipeline.stages.map(draftOf));
  const [submitted, setSubmitted] = useState(false);
  const [deleting, setDeleting] = useState<Stage | null>(null);

  const reset = (fresh: Pipeline) => {
    setBase(fresh);
    setName(fresh.name);
    setIsDefault(fresh.isDefault);
    setDrafts(fresh.stages.map(draftOf));
    setSubmitted(false);
    update.reset();
  };

  const problems = draftProblems(drafts);
  const nameErrors = new Set(submitted ? [...problems.entries()].filter(([, p]) => p === 'name').map(([k]) => k) : []);
  const dirty =
    name !== base.name ||
    isDefault !== base.isDefault ||
    JSON.stringify(stageInputs(drafts)) !== JSON.stringify(stageInputs(base.stages.map(draftOf)));

  const addStage = () => {
    const at = drafts.findIndex((d) => d.kind !== 'open');
    const draft = newDraft(t('pipelines.editor.newStage'));
    setDrafts(at < 0 ? [...drafts, draft] : [...drafts.slice(0, at), draft, ...drafts.slice(at)]);
  };

  const removeDraft = (key: string) => setDrafts((current) => current.filter((d) => d.key !== key));

  /** Unsaved or empty stages go with the next save; a stage holding deals asks where they go, now. */
  const onDelete = async (draft: StageDraft) => {
    const saved = draft.id ? base.stages.find((s) => s.id === draft.id) : undefined;
    if (!saved) return removeDraft(draft.key);
    try {
      const page = await qc.fetchQuery({
        queryKey: ['deals', 'exists', { stageId: saved.id }],
        queryFn: () => api.get<Page<{ id: string }>>('/deals', { query: { stageId: saved.id, limit: 1 } }),
        staleTime: 0,
      });
      if (page.data.length === 0) removeDraft(draft.key);
      else {
        deleteStage.reset();
        setDeleting(saved);
      }
    } catch (error) {
      notifications.show({ color: 'red', message: errorSummary(t, error) });
    }
  };

  const confirmDelete = (moveTo: string) => {
    if (!deleting) return;
    const stage = deleting;
    deleteStage.mutate(
      { pipelineId: base.id, stageId: stage.id, moveTo },
      {
        onSuccess: ({ movedDealIds }) => {
          notifications.show({ color: 'teal', message: t('pipelines.deleteStage.done', { count: movedDealIds.length }) });
          setBase((current) => ({ ...current, stages: current.stages.filter((s) => s.id !== stage.id) }));
          removeDraft(stage.id);
          setDeleting(null);
        },
      },
    );
  };

  const save = () => {
    setSubmitted(true);
    if (problems.size > 0 || name.trim() === '') return;
    update.mutate(
      {
        id: base.id,
        version: base.version,
        changes: {
          ...(name.trim() !== base.name ? { name: name.trim() } : {}),
          ...(isDefault !== base.isDefault ? { isDefault } : {}),
          stages: stageInputs(drafts),
        },
      },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('pipelines.saved', { name: saved.name }) });
          reset(saved);
        },
      },
    );
  };

  const reload = async () => {
    const fresh = await qc.fetchQuery({
      queryKey: ['pipelines', 'detail', base.id],
      queryFn: () => api.get<Pipeline>(`/pipelines/${encodeURIComponent(base.id)}`),
      staleTime: 0,
    });
    reset(fresh);
  };

  const stale = update.error instanceof ApiError && update.error.status === 412;
  const savedTargets = base.stages.filter((s) => s.id !== deleting?.id && drafts.some((d) => d.id === s.id));

  return (
    <Stack>
      {update.error && (
        <ErrorAlert
          error={update.error}
          onRetry={stale ? () => void reload() : undefined}
          retryLabel={t('pipelines.discardReload')}
        />
      )}
      <Paper withBorder radius="md" p="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            label={t('pipelines.name')}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={submitted && name.trim() === '' ? t('validation.required') : undefined}
            style={{ flex: '1 1 16rem' }}
          />
          <Switch
            label={t('pipelines.isDefault')}
            description={t('pipelines.isDefaultHint')}
            checked={isDefault}
            disabled={base.isDefault}
            onChange={(event) => setIsDefault(event.currentTarget.checked)}
          />
        </Group>
      </Paper>
      <Group justify="space-between">
        <Text fw={700}>{t('pipelines.editor.stages')}</Text>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={addStage}>
          {t('pipelines.editor.addStage')}
        </Button>
      </Group>
      {submitted && problems.get('') === 'noOpen' && (
        <Text c="red" size="sm" role="alert">
          {t('pipelines.editor.needsOpen')}
        </Text>
      )}
      <StageListEditor drafts={drafts} onChange={setDrafts} onDelete={(d) => void onDelete(d)} nameErrors={nameErrors} />
      <Group justify="flex-end" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)" style={{ zIndex: 2 }}>
        {dirty && (
          <Text size="sm" c="dimmed" mr="auto">
            {t('pipelines.unsaved')}
          </Text>
        )}
        <Button variant="default" disabled={!dirty || update.isPending} onClick={() => reset(base)}>
          {t('common.discard')}
        </Button>
        <Button onClick={save} loading={update.isPending} disabled={!dirty || stale}>
          {t('common.save')}
        </Button>
      </Group>
      <StageDeleteModal
        key={deleting?.id ?? 'none'}
        stage={deleting}
        targets={savedTargets}
        loading={deleteStage.isPending}
        error={deleteStage.error}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

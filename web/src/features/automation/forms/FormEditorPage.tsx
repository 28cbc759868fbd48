import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconShieldCheck } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type OwnerRule, useCreateWebForm, useUpdateWebForm, useWebForm, type WebForm } from '../../../api/forms.ts';
import { usePipelines } from '../../../api/pipelines.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../../components/errors.ts';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { stageLabel } from '../../pipelines/stages.ts';
import { TeamPicker, UserPicker } from '../editor/Pickers.tsx';
import { EmbedSnippet } from './EmbedSnippet.tsx';
import { type DraftField, FormFieldsEditor } from './FormFieldsEditor.tsx';

/** /admin/automation/forms/new and /:id — a web form, and once saved its embed snippet. */
export function FormEditorPage() {
  const { id } = useParams();
  const form = useWebForm(id ?? null);
  if (!id) return <FormEditor form={null} />;
  if (form.isPending) return <LoadingState />;
  if (form.isError) return <ErrorAlert error={form.error} onRetry={() => void form.refetch()} />;
  return <FormEditor key={form.data.id} form={form.data} />;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/ß/g, 'ss')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function FormEditor({ form }: { form: WebForm | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pipelines = usePipelines();
  const create = useCreateWebForm();
  const update = useUpdateWebForm();
  const [name, setName] = useState(form?.name ?? '');
  const [key, setKey] = useState(form?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(false);
  const [enabled, setEnabled] = useState(form?.enabled ?? true);
  const [pipelineId, setPipelineId] = useState<string | null>(form?.pipelineId ?? null);
  const [stageId, setStageId] = useState<string | null>(form?.stageId ?? null);
  const [owner, setOwner] = useState<OwnerRule | { type: 'user' | 'team' }>(form?.ownerRule ?? { type: 'team' });
  const [origins, setOrigins] = useState<string[]>(form?.allowedOrigins ?? []);
  const [successMessage, setSuccessMessage] = useState(form?.successMessage ?? '');
  const [redirectUrl, setRedirectUrl] = useState(form?.redirectUrl ?? '');
  const [fields, setFields] = useState<DraftField[]>(() =>
    form
      ? form.fields.map((f, i) => ({ ...f, uid: `f${i}` }))
      : [
          {
            uid: 'f0',
            name: 'firstName',
            label: t('automation.forms.defaults.firstName'),
            type: 'text',
            mapTo: 'contact.firstName',
          },
          {
            uid: 'f1',
            name: 'lastName',
            label: t('automation.forms.defaults.lastName'),
            type: 'text',
            mapTo: 'contact.lastName',
          },
          { uid: 'f2', name: 'email', label: t('automation.forms.defaults.email'), type: 'email', mapTo: 'contact.email' },
          { uid: 'f3', name: 'phone', label: t('automation.forms.defaults.phone'), type: 'tel', mapTo: 'contact.phone' },
          { uid: 'f4', name: 'message', label: t('automation.forms.defaults.message'), type: 'textarea', mapTo: 'note' },
        ],
  );
  const mutation = form ? update : create;
  const errors = fieldErrorsOf(t, mutation.error);
  const error = (path: string) => errors[path];
  const pipeline = pipelines.data?.find((p) => p.id === pipelineId);

  async function save() {
    // no one chosen: a new form's leads go to the admin creating it (the server's default), a saved form keeps its rule
    const ownerRule = 'teamId' in owner || 'userId' in owner ? (owner as OwnerRule) : undefined;
    const body = {
      name: name.trim(),
      pipelineId,
      stageId: pipelineId ? stageId : null,
      ...(ownerRule ? { ownerRule } : {}),
      // an emptied label is left to the server, which names the field after its name (Vorname, E-Mail …)
      fields: fields.map(({ uid: _uid, label, ...f }) => (label.trim() ? { ...f, label: label.trim() } : f)),
      allowedOrigins: origins.map((o) => o.trim().replace(/\/$/, '')).filter(Boolean),
      successMessage: successMessage.trim() || null,
      redirectUrl: redirectUrl.trim() || null,
      enabled,
    };
    try {
      if (form) {
        await update.mutateAsync({ id: form.id, changes: body });
        notifications.show({ color: 'teal', message: t('automation.forms.saved') });
      } else {
        const created = await create.mutateAsync({ ...body, key });
        notifications.show({ color: 'teal', message: t('automation.forms.created') });
        navigate(`/admin/automation/forms/${encodeURIComponent(created.id)}`, { replace: true });
      }
    } catch {
      // shown at the fields
    }
  }

  return (
    <>
      <PageHeader title={form ? form.name : t('automation.forms.newTitle')} description={t('automation.forms.editorHint')} />
      <Stack gap="md">
        <Section title={t('automation.editor.general')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('automation.forms.name')}
              required
              value={name}
              error={error('name')}
              onChange={(e) => {
                setName(e.currentTarget.value);
                if (!form && !keyTouched) setKey(slug(e.currentTarget.value));
              }}
            />
            <TextInput
              label={t('automation.forms.key')}
              description={t('automation.forms.keyHint')}
              required
              ff="monospace"
              value={key}
              disabled={!!form}
              error={error('key')}
              onChange={(e) => {
                setKeyTouched(true);
                setKey(e.currentTarget.value);
              }}
            />
          </SimpleGrid>
          <Switch
            mt="sm"
            label={t('automation.forms.enabled')}
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />
        </Section>
        <Section title={t('automation.forms.fields')}>
          <Text size="sm" c="dimmed" mb="sm">
            {t('automation.forms.intakeRule')}
          </Text>
          <FormFieldsEditor fields={fields} onChange={setFields} error={error} />
          <Alert mt="sm" variant="light" color="teal" icon={<IconShieldCheck />}>
            {t('automation.forms.honeypot')}
          </Alert>
        </Section>
        <Section title={t('automation.forms.target')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('automation.trigger.pipeline')}
              placeholder={t('automation.forms.defaultPipeline')}
              data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={pipelineId}
              clearable
              error={error('pipelineId')}
              onChange={(v) => {
                setPipelineId(v);
                setStageId(null);
              }}
            />
            <Select
              label={t('automation.forms.stage')}
              placeholder={t('automation.forms.firstStage')}
              data={(pipeline?.stages ?? [])
                .filter((s) => s.kind === 'open')
                .map((s) => ({ value: s.id, label: stageLabel(t, s) }))}
              value={stageId}
              clearable
              disabled={!pipeline}
              error={error('stageId')}
              onChange={setStageId}
            />
            <Select
              label={t('automation.forms.ownerRule')}
              data={[
                { value: 'team', label: t('automation.forms.owner.team') },
                { value: 'user', label: t('automation.forms.owner.user') },
              ]}
              value={owner.type}
              allowDeselect={false}
              onChange={(v) => setOwner({ type: v === 'user' ? 'user' : 'team' })}
            />
            {owner.type === 'team' ? (
              <TeamPicker
                label={t('automation.steps.task.team')}
                description={form ? undefined : t('automation.forms.ownerDefault')}
                value={'teamId' in owner ? owner.teamId : null}
                error={error('ownerRule') ?? error('ownerRule.teamId')}
                onChange={(teamId) => setOwner(teamId ? { type: 'team', teamId } : { type: 'team' })}
              />
            ) : (
              <UserPicker
                label={t('automation.steps.task.user')}
                description={form ? undefined : t('automation.forms.ownerDefault')}
                value={'userId' in owner ? owner.userId : null}
                error={error('ownerRule') ?? error('ownerRule.userId')}
                onChange={(userId) => setOwner(userId ? { type: 'user', userId } : { type: 'user' })}
              />
            )}
          </SimpleGrid>
        </Section>
        <Section title={t('automation.forms.website')}>
          <Stack gap="sm">
            <TagsInput
              label={t('automation.forms.allowedOrigins')}
              description={t('automation.forms.allowedOriginsHint')}
              placeholder="https://www.example.de"
              value={origins}
              error={Object.entries(errors).find(([path]) => path.startsWith('allowedOrigins'))?.[1]}
              onChange={setOrigins}
            />
            <TextInput
              label={t('automation.forms.successMessage')}
              placeholder={t('automation.forms.successDefault')}
              value={successMessage}
              error={error('successMessage')}
              onChange={(e) => setSuccessMessage(e.currentTarget.value)}
            />
            <TextInput
              label={t('automation.forms.redirectUrl')}
              description={t('automation.forms.redirectHint')}
              value={redirectUrl}
              error={error('redirectUrl')}
              onChange={(e) => setRedirectUrl(e.currentTarget.value)}
            />
          </Stack>
        </Section>
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        <Group justify="flex-end">
          <Button variant="default" component={Link} to="/admin/automation/forms">
            {t('common.cancel')}
          </Button>
          <Button leftSection={<IconDeviceFloppy size={16} />} loading={mutation.isPending} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Group>
        {form && <EmbedSnippet formId={form.id} />}
      </Stack>
    </>
  );
}

import { Anchor, Badge, Button, Checkbox, Grid, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import {
  type DocumentTemplate,
  type UpdateTemplate,
  useTemplate,
  useTemplateVersions,
  useUpdateTemplate,
} from '../../api/documents.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { RecordHeader } from '../customers/RecordHeader.tsx';
import { kindLabel } from './kinds.ts';
import { MergeFieldHelp } from './MergeFieldHelp.tsx';
import { TemplatePreview } from './TemplatePreview.tsx';
import { TemplateVersions } from './TemplateVersions.tsx';
import { templateErrorOf } from './templateError.ts';

/** /admin/document-templates/:id — the Handlebars source beside its live PDF preview. */
export function TemplateEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const template = useTemplate(id);
  if (template.isPending) return <LoadingState />;
  if (template.isError) {
    return (
      <Stack>
        <ErrorAlert error={template.error} onRetry={() => void template.refetch()} />
        <Anchor component={Link} to="/admin/document-templates">
          {t('documents.templates.back')}
        </Anchor>
      </Stack>
    );
  }
  return <TemplateEditor key={template.data.id} template={template.data} onReload={() => void template.refetch()} />;
}

type Values = Required<Pick<UpdateTemplate, 'name' | 'source' | 'active' | 'isDefault'>>;

function valuesOf(template: DocumentTemplate): Values {
  return { name: template.name, source: template.source, active: template.active, isDefault: template.isDefault };
}

/** Selects a 1-based line in a textarea, so a template error can be found. */
function selectLine(textarea: HTMLTextAreaElement | null, line: number) {
  if (!textarea) return;
  const lines = textarea.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
  textarea.focus();
  textarea.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
}

function TemplateEditor({ template, onReload }: { template: DocumentTemplate; onReload: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateTemplate(template.id);
  const versions = useTemplateVersions(template.id);
  const sourceRef = useRef<HTMLTextAreaElement>(null);
  const form = useForm<Values>({
    initialValues: valuesOf(template),
    validate: {
      name: (value) => (value.trim() ? null : t('validation.required')),
      source: (value) => (value.trim() ? null : t('validation.required')),
    },
  });
  const shipped = versions.data?.find((v) => v.version === 1 && v.userId === null);

  const submit = form.onSubmit((values) => {
    const changes: UpdateTemplate = {};
    for (const key of ['name', 'source', 'active', 'isDefault'] as const) {
      if (form.isDirty(key)) Object.assign(changes, { [key]: values[key] });
    }
    update.mutate(
      { version: template.version, changes },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('documents.editor.saved', { version: saved.version }) });
          form.setInitialValues(valuesOf(saved));
          form.reset();
        },
      },
    );
  });

  const saveError = templateErrorOf(update.error);
  const stale = update.error instanceof ApiError && update.error.status === 412;

  return (
    <form onSubmit={submit} noValidate>
      <RecordHeader
        title={template.name}
        back={{ to: '/admin/document-templates', label: t('documents.templates.title') }}
        meta={
          <>
            <Badge variant="light">{kindLabel(t, template.kind)}</Badge>
            <Badge variant="outline" color="gray">
              {template.locale.toUpperCase()}
            </Badge>
            <Badge variant="outline" color="gray" tt="none">
              {t('documents.versions.version', { version: template.version })}
            </Badge>
          </>
        }
        actions={
          <>
            {shipped && (
              <Button
                variant="default"
                leftSection={<IconArrowBackUp size={16} />}
                onClick={() => form.setFieldValue('source', shipped.source)}
                disabled={form.values.source === shipped.source}
              >
                {t('documents.editor.resetShipped')}
              </Button>
            )}
            <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty() || update.isPending}>
              {t('common.discard')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty() || stale}>
              {t('documents.editor.save')}
            </Button>
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            {update.error && !saveError && (
              <ErrorAlert error={update.error} onRetry={stale ? onReload : undefined} retryLabel={t('common.reload')} />
            )}
            <TextInput label={t('documents.editor.name')} required maxLength={100} {...form.getInputProps('name')} />
            <Group gap="lg">
              <Checkbox label={t('documents.editor.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
              <Checkbox
                label={t('documents.editor.isDefault')}
                description={t('documents.editor.isDefaultHint')}
                {...form.getInputProps('isDefault', { type: 'checkbox' })}
              />
            </Group>
            <Textarea
              ref={sourceRef}
              label={t('documents.editor.source')}
              description={t('documents.editor.sourceHint')}
              required
              autosize
              minRows={16}
              maxRows={40}
              spellCheck={false}
              styles={{
                input: {
                  fontFamily: 'var(--mantine-font-family-monospace)',
                  fontSize: 'var(--mantine-font-size-xs)',
                  whiteSpace: 'pre',
                  overflowX: 'auto',
                },
              }}
              {...form.getInputProps('source')}
              error={
                form.errors.source ??
                (saveError
                  ? saveError.line
                    ? `${t('documents.editor.errorAtLine', { line: saveError.line })}: ${saveError.message}`
                    : saveError.message
                  : undefined)
              }
            />
            {saveError?.line && (
              <Group>
                <Button size="xs" variant="light" color="red" onClick={() => selectLine(sourceRef.current, saveError.line ?? 1)}>
                  {t('documents.editor.goToLine', { line: saveError.line })}
                </Button>
              </Group>
            )}
            <MergeFieldHelp />
            <TemplateVersions
              templateId={template.id}
              current={template.version}
              onLoad={(version) => {
                form.setFieldValue('source', version.source);
                notifications.show({ message: t('documents.versions.loaded', { version: version.version }) });
              }}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TemplatePreview source={form.values.source} kind={template.kind} locale={template.locale} />
        </Grid.Col>
      </Grid>
    </form>
  );
}

import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DocumentTemplate, TEMPLATE_KINDS, useTemplates } from '../../api/documents.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { Panel } from '../customers/Panel.tsx';
import { CreateTemplateModal } from './CreateTemplateModal.tsx';
import { kindLabel } from './kinds.ts';

function TemplateRow({ template }: { template: DocumentTemplate }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" role="listitem" data-template={template.name}>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor component={Link} to={`/admin/document-templates/${template.id}`} fw={600} size="sm" truncate>
          {template.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {t('documents.templates.changed', { version: template.version, date: formatDateTime(template.updatedAt) })}
        </Text>
      </Stack>
      <Group gap={4} wrap="nowrap">
        <Badge size="sm" variant="outline" color="gray">
          {template.locale.toUpperCase()}
        </Badge>
        {template.isDefault && (
          <Badge size="sm" variant="light" color="teal">
            {t('documents.templates.default')}
          </Badge>
        )}
        {!template.active && (
          <Badge size="sm" variant="light" color="gray">
            {t('common.inactive')}
          </Badge>
        )}
      </Group>
    </Group>
  );
}

/** /admin/document-templates — the templates by kind and language; each opens in the editor. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const templates = useTemplates();
  const [creating, setCreating] = useState(false);
  const all = templates.data ?? [];
  const kinds = [...new Set([...TEMPLATE_KINDS, ...all.map((x) => x.kind)])];

  return (
    <>
      <PageHeader
        title={t('documents.templates.title')}
        description={t('documents.templates.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} disabled={!templates.isSuccess}>
            {t('documents.templates.create')}
          </Button>
        }
      />
      {templates.isPending ? (
        <LoadingState />
      ) : templates.isError ? (
        <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {kinds.map((kind) => {
            const own = all.filter((x) => x.kind === kind);
            return (
              <Panel key={kind} title={kindLabel(t, kind)}>
                {own.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('documents.templates.none')}
                  </Text>
                ) : (
                  <Stack gap="xs" role="list" aria-label={kindLabel(t, kind)}>
                    {own.map((template) => (
                      <TemplateRow key={template.id} template={template} />
                    ))}
                  </Stack>
                )}
              </Panel>
            );
          })}
        </SimpleGrid>
      )}
      {creating && <CreateTemplateModal templates={all} onClose={() => setCreating(false)} />}
    </>
  );
}

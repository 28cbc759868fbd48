import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconForms, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWebForms } from '../../../api/forms.ts';
import { usePipelines } from '../../../api/pipelines.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { stageLabel } from '../../pipelines/stages.ts';
import { AutomationTabs } from '../AutomationTabs.tsx';

/** /admin/automation/forms: the web forms that turn website requests into contacts and deals. */
export function FormsPage() {
  const { t } = useTranslation();
  const forms = useWebForms();
  const pipelines = usePipelines();
  return (
    <>
      <PageHeader
        title={t('automation.forms.title')}
        description={t('automation.forms.description')}
        actions={
          <Button component={Link} to="/admin/automation/forms/new" leftSection={<IconPlus size={18} />}>
            {t('automation.forms.create')}
          </Button>
        }
      />
      <AutomationTabs />
      {forms.isPending ? (
        <LoadingState />
      ) : forms.isError ? (
        <ErrorAlert error={forms.error} onRetry={() => void forms.refetch()} />
      ) : forms.data.length === 0 ? (
        <EmptyState icon={<IconForms />} title={t('automation.forms.empty')} description={t('automation.forms.emptyHint')} />
      ) : (
        <Stack gap="sm">
          {forms.data.map((form) => {
            const pipeline = pipelines.data?.find((p) => p.id === form.pipelineId);
            const stage = pipeline?.stages.find((s) => s.id === form.stageId);
            return (
              <Paper key={form.id} withBorder radius="md" p="md" data-form={form.key}>
                <Stack gap={4}>
                  <Group gap="xs">
                    <Title order={2} size="h4">
                      <Anchor component={Link} to={`/admin/automation/forms/${encodeURIComponent(form.id)}`} inherit>
                        {form.name}
                      </Anchor>
                    </Title>
                    <Badge variant="outline" tt="none" size="sm" ff="monospace">
                      {form.key}
                    </Badge>
                    {!form.enabled && (
                      <Badge color="gray" tt="none" size="sm">
                        {t('common.inactive')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('automation.forms.summary', {
                      count: form.fields.length,
                      pipeline: pipeline
                        ? `${pipeline.name}${stage ? ` › ${stageLabel(t, stage)}` : ''}`
                        : t('automation.forms.defaultPipeline'),
                    })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {form.allowedOrigins.length > 0
                      ? t('automation.forms.origins', { origins: form.allowedOrigins.join(', ') })
                      : t('automation.forms.anyOrigin')}
                  </Text>
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      )}
    </>
  );
}

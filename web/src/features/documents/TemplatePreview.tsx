import { Alert, Box, Code, Group, Loader, Paper, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DocumentLocale, useTemplatePreview } from '../../api/documents.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { templateErrorOf } from './templateError.ts';

interface Props {
  source: string;
  kind: string;
  locale: DocumentLocale;
}

/**
 * The live preview: the source is rendered on sample data a moment after typing stops, and the PDF is
 * shown from a blob: URL. While a new one renders, or when the source has an error, the last good PDF stays.
 */
export function TemplatePreview({ source, kind, locale }: Props) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(source, 600);
  const preview = useTemplatePreview({ source: debounced, kind, locale }, true);
  const [url, setUrl] = useState<string | null>(null);

  const [good, setGood] = useState<Blob | null>(null);
  useEffect(() => {
    if (preview.data && !preview.isError) setGood(preview.data);
  }, [preview.data, preview.isError]);
  useEffect(() => {
    if (!good) return;
    const next = URL.createObjectURL(good);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [good]);

  const templateError = templateErrorOf(preview.error);
  const busy = preview.isFetching || debounced !== source;

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={t('documents.editor.preview')}>
      <Group justify="space-between" mb="xs" gap="xs">
        <Text fw={600} size="sm">
          {t('documents.editor.preview')}
        </Text>
        <Group gap={6} c="dimmed" data-testid="preview-state" data-busy={busy ? 'true' : 'false'}>
          {busy && <Loader size={14} />}
          <Text size="xs">{busy ? t('documents.editor.previewBusy') : t('documents.editor.previewSample')}</Text>
        </Group>
      </Group>
      {templateError ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle />}
          mb="xs"
          role="alert"
          title={
            templateError.line ? t('documents.editor.errorAtLine', { line: templateError.line }) : t('documents.editor.error')
          }
          data-testid="template-error"
        >
          <Code block style={{ whiteSpace: 'pre-wrap' }}>
            {templateError.message}
          </Code>
        </Alert>
      ) : (
        preview.isError && <ErrorAlert error={preview.error} />
      )}
      <Box pos="relative" h={{ base: 480, md: 'calc(100vh - 220px)' }} mih={420}>
        {url ? (
          <iframe
            src={url}
            title={t('documents.editor.previewFrame')}
            style={{ width: '100%', height: '100%', border: 0, opacity: templateError ? 0.4 : 1 }}
          />
        ) : (
          <Group justify="center" h="100%">
            {preview.isPending && !preview.isError ? <Loader /> : <Text c="dimmed">{t('documents.editor.previewNone')}</Text>}
          </Group>
        )}
      </Box>
    </Paper>
  );
}

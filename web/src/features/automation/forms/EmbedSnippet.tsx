import { Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormEmbed } from '../../../api/forms.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';

/** The snippet to paste into the website (HTML + a small script; a plain form post without script). */
export function EmbedSnippet({ formId }: { formId: string }) {
  const { t } = useTranslation();
  const embed = useFormEmbed(formId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('automation.forms.embed.title')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('automation.forms.embed.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('automation.forms.embed.hint')}
        </Text>
        {embed.isPending ? (
          <LoadingState />
        ) : embed.isError ? (
          <ErrorAlert error={embed.error} onRetry={() => void embed.refetch()} />
        ) : (
          <>
            <Group justify="flex-end">
              <CopyButton value={embed.data.html}>
                {({ copied, copy }) => (
                  <Button
                    size="xs"
                    variant={copied ? 'filled' : 'light'}
                    color={copied ? 'teal' : undefined}
                    leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                    onClick={copy}
                  >
                    {copied ? t('common.copied') : t('automation.forms.embed.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Code block data-testid="embed-snippet" style={{ maxHeight: 320, overflow: 'auto', whiteSpace: 'pre' }}>
              {embed.data.html}
            </Code>
            <Text size="sm">{t('automation.forms.embed.plainPost')}</Text>
            <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {embed.data.action}
            </Code>
          </>
        )}
      </Stack>
    </Paper>
  );
}

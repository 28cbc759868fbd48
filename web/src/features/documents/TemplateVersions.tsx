import { Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type TemplateVersion, useTemplateVersions } from '../../api/documents.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { Panel } from '../customers/Panel.tsx';
import { useUserNames } from '../customers/useUserNames.ts';

interface Props {
  templateId: string;
  current: number;
  /** Puts an earlier version's source into the editor; saving it makes a new version. */
  onLoad: (version: TemplateVersion) => void;
}

/** Every saved version, newest first, with who saved it and when; version 1 of a shipped template is the original. */
export function TemplateVersions({ templateId, current, onLoad }: Props) {
  const { t } = useTranslation();
  const versions = useTemplateVersions(templateId);
  const names = useUserNames();
  return (
    <Panel title={t('documents.versions.title')}>
      {versions.isPending ? (
        <Skeleton height={60} />
      ) : versions.isError ? (
        <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <Stack gap="xs" role="list" aria-label={t('documents.versions.title')}>
          {versions.data.map((version) => (
            <Group key={version.version} role="listitem" justify="space-between" gap="xs" data-version={version.version}>
              <Stack gap={0}>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {t('documents.versions.version', { version: version.version })}
                  </Text>
                  {version.version === current && (
                    <Badge size="xs" variant="light">
                      {t('documents.versions.current')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {formatDateTime(version.createdAt)} ·{' '}
                  {version.userId ? (names.get(version.userId) ?? '…') : t('documents.versions.shipped')}
                </Text>
              </Stack>
              {version.version !== current && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconRestore size={14} />}
                  onClick={() => onLoad(version)}
                  aria-label={t('documents.versions.loadVersion', { version: version.version })}
                >
                  {t('documents.versions.load')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

import { Button, Center, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhotoOff, IconTrash, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompanyLogo, useLogoMutations } from '../../api/documents.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorSummary } from '../../components/errors.ts';

const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = ['image/png', 'image/jpeg'];

/** The letterhead logo: PNG or JPEG up to 2 MB, shown as it is stored; new documents print it, issued ones keep theirs. */
export function CompanyLogo() {
  const { t } = useTranslation();
  const logo = useCompanyLogo();
  const { upload, remove } = useLogoMutations();
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!logo.data) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(logo.data);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [logo.data]);

  const choose = (file: File | null) => {
    if (!file) return;
    setProblem(null);
    if (!TYPES.includes(file.type)) return setProblem(t('documents.logo.wrongType'));
    if (file.size > MAX_BYTES) return setProblem(t('documents.logo.tooLarge'));
    upload.mutate(file, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('documents.logo.uploaded') }),
      onError: (error) => setProblem(errorSummary(t, error)),
    });
  };

  return (
    <Stack gap="sm">
      {logo.isError && <ErrorAlert error={logo.error} onRetry={() => void logo.refetch()} />}
      <Paper withBorder radius="sm" p="sm" maw={360} bg="gray.0">
        <Center mih={90}>
          {url ? (
            <img src={url} alt={t('documents.logo.current')} style={{ maxWidth: '100%', maxHeight: 120, objectFit: 'contain' }} />
          ) : (
            <Group gap="xs" c="dimmed">
              <IconPhotoOff size={18} aria-hidden="true" />
              <Text size="sm">{logo.isPending ? t('common.loading') : t('documents.logo.none')}</Text>
            </Group>
          )}
        </Center>
      </Paper>
      {problem && (
        <Text size="sm" c="red" role="alert">
          {problem}
        </Text>
      )}
      <Group gap="sm">
        <FileButton onChange={choose} accept="image/png,image/jpeg">
          {(props) => (
            <Button {...props} variant="light" leftSection={<IconUpload size={16} />} loading={upload.isPending}>
              {url ? t('documents.logo.replace') : t('documents.logo.upload')}
            </Button>
          )}
        </FileButton>
        {url && (
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(undefined, {
                onSuccess: () => notifications.show({ color: 'teal', message: t('documents.logo.removed') }),
                onError: (error) => setProblem(errorSummary(t, error)),
              })
            }
          >
            {t('documents.logo.remove')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('documents.logo.hint')}
      </Text>
    </Stack>
  );
}

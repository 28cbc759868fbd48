import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useUpdateProfile } from '../../api/auth.ts';
import { errorSummary } from '../../components/errors.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { setLanguage } from '../../i18n/index.ts';
import { PasswordForm } from './PasswordForm.tsx';
import { ProfileForm } from './ProfileForm.tsx';

export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const updateProfile = useUpdateProfile();

  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" maw={1100}>
        <Stack gap="lg">
          <Paper withBorder radius="md" p="lg">
            <Title order={2} size="h4" mb="md">
              {t('profile.details')}
            </Title>
            <ProfileForm key={user.version} user={user} />
          </Paper>
          <Paper withBorder radius="md" p="lg">
            <Title order={2} size="h4" mb="xs">
              {t('fields.language')}
            </Title>
            <Group justify="space-between" align="center">
              <Text size="sm" c="dimmed" style={{ flex: '1 1 12rem' }}>
                {t('profile.languageHint')}
              </Text>
              <LanguageSwitch
                size="sm"
                disabled={updateProfile.isPending}
                onChange={(locale) => {
                  if (locale === user.locale) return;
                  updateProfile.mutate(
                    { locale },
                    {
                      // i18n.t, not t: the UI has switched language since this render.
                      onSuccess: () => notifications.show({ color: 'teal', message: i18n.t('profile.languageSaved') }),
                      onError: (error) => {
                        setLanguage(user.locale);
                        notifications.show({ color: 'red', message: errorSummary(i18n.t, error) });
                      },
                    },
                  );
                }}
              />
            </Group>
          </Paper>
        </Stack>
        <Paper withBorder radius="md" p="lg">
          <Title order={2} size="h4" mb="md">
            {t('profile.password')}
          </Title>
          <PasswordForm />
        </Paper>
      </SimpleGrid>
    </>
  );
}

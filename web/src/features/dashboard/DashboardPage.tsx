import { Badge, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { IconBuilding, IconKey, IconUser, IconUserPlus, IconUsersPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth.ts';
import { useTeams } from '../../api/teams.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QuickLink } from './QuickLink.tsx';

function greetingKey(hour: number) {
  if (hour < 11) return 'dashboard.greeting.morning' as const;
  if (hour < 18) return 'dashboard.greeting.day' as const;
  return 'dashboard.greeting.evening' as const;
}

export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const teams = useTeams();
  const team = user.teamId ? teams.data?.find((candidate) => candidate.id === user.teamId) : undefined;
  const isAdmin = user.role === 'admin';

  return (
    <>
      <PageHeader title={t('nav.home')} />
      <Paper withBorder radius="md" p="lg" mb="xl">
        <Title order={2} size="h3" mb="xs">
          {t(greetingKey(new Date().getHours()), { name: user.name })}
        </Title>
        <Group gap="lg" style={{ rowGap: 'var(--mantine-spacing-xs)' }}>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed">
              {t('dashboard.role')}
            </Text>
            <Badge variant="light" size="lg" tt="none" data-testid="my-role">
              {t(`roles.${user.role}`)}
            </Badge>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed">
              {t('dashboard.team')}
            </Text>
            <Text size="sm" fw={500} data-testid="my-team">
              {user.teamId ? (team?.name ?? '…') : t('dashboard.noTeam')}
            </Text>
          </Group>
        </Group>
      </Paper>

      <Title order={2} size="h4" mb="sm">
        {t('dashboard.quickLinks')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {isAdmin && (
          <>
            <QuickLink
              to="/admin/teams?new=1"
              icon={IconUsersPlus}
              title={t('dashboard.createTeam')}
              text={t('dashboard.createTeamText')}
            />
            <QuickLink
              to="/admin/users?new=1"
              icon={IconUserPlus}
              title={t('dashboard.createUser')}
              text={t('dashboard.createUserText')}
            />
            <QuickLink to="/admin/company" icon={IconBuilding} title={t('dashboard.company')} text={t('dashboard.companyText')} />
          </>
        )}
        {!isAdmin && (
          <>
            <QuickLink to="/profile" icon={IconUser} title={t('nav.profile')} text={t('dashboard.profileText')} />
            <QuickLink to="/api-keys" icon={IconKey} title={t('nav.apiKeys')} text={t('dashboard.apiKeysText')} />
          </>
        )}
      </SimpleGrid>
    </>
  );
}

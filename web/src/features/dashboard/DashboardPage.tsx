import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconKey, IconUser, IconUserPlus, IconUsersPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth.ts';
import { useLiveReports } from '../../api/reports.ts';
import { useTeams } from '../../api/teams.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLiveTasks } from '../tasks/useLiveTasks.ts';
import { ManagerDashboard } from './ManagerDashboard.tsx';
import { MyTasksCard } from './MyTasksCard.tsx';
import { QuickLink } from './QuickLink.tsx';
import { TeamDashboard } from './TeamDashboard.tsx';

function greetingKey(hour: number) {
  if (hour < 11) return 'dashboard.greeting.morning' as const;
  if (hour < 18) return 'dashboard.greeting.day' as const;
  return 'dashboard.greeting.evening' as const;
}

function Greeting() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const teams = useTeams();
  const team = user.teamId ? teams.data?.find((candidate) => candidate.id === user.teamId) : undefined;
  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <Title order={2} size="h4" mb={4}>
        {t(greetingKey(new Date().getHours()), { name: user.name })}
      </Title>
      <Group gap="lg" style={{ rowGap: 'var(--mantine-spacing-xs)' }}>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" c="dimmed">
            {t('dashboard.role')}
          </Text>
          <Badge variant="light" tt="none" data-testid="my-role">
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
  );
}

function QuickLinks() {
  const { t } = useTranslation();
  const isAdmin = useCurrentUser().role === 'admin';
  return (
    <>
      <Title order={2} size="h4" mt="xl" mb="sm">
        {t('dashboard.quickLinks')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {isAdmin ? (
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
        ) : (
          <>
            <QuickLink to="/profile" icon={IconUser} title={t('nav.profile')} text={t('dashboard.profileText')} />
            <QuickLink to="/api-keys" icon={IconKey} title={t('nav.apiKeys')} text={t('dashboard.apiKeysText')} />
          </>
        )}
      </SimpleGrid>
    </>
  );
}

/** The home screen by role: a manager's day and month, a head's team, an admin's company — all live. */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useLiveReports();
  useLiveTasks();
  const title =
    user.role === 'admin' ? t('dashboard.titles.admin') : user.role === 'head' ? t('dashboard.titles.head') : t('nav.home');

  return (
    <>
      <PageHeader title={t('nav.home')} description={title === t('nav.home') ? undefined : title} />
      <Greeting />
      {user.role === 'admin' || user.role === 'head' ? (
        <Stack gap="md">
          {user.role === 'head' && <MyTasksCard />}
          <TeamDashboard />
        </Stack>
      ) : user.role === 'manager' ? (
        <ManagerDashboard />
      ) : (
        <MyTasksCard />
      )}
      <QuickLinks />
    </>
  );
}

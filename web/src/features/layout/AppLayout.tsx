import { AppShell, Burger, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useCurrentUser, useUpdateProfile } from '../../api/auth.ts';
import { useCompanySettings } from '../../api/settings.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { GlobalSearch } from '../search/GlobalSearch.tsx';
import classes from './AppLayout.module.css';
import { NavBar } from './NavBar.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Width at and below which the navbar hides behind the burger (phones). */
const NAV_BREAKPOINT = 769;

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const company = useCompanySettings();
  const updateProfile = useUpdateProfile();
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: NAV_BREAKPOINT, collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <div className={classes.header}>
          <div className={classes.brand}>
            <Burger
              opened={opened}
              onClick={toggle}
              size="sm"
              className={classes.burger}
              aria-label={opened ? t('nav.close') : t('nav.open')}
              aria-expanded={opened}
            />
            <Link to="/" className={classes.logo} onClick={close}>
              Kontor
            </Link>
            {company.data?.legalName && (
              <Text size="sm" c="dimmed" truncate className={`${classes.company} ${classes.desktopOnly}`}>
                {company.data.legalName}
              </Text>
            )}
          </div>
          <div className={classes.brand}>
            <GlobalSearch />
            <NotificationBell />
            <LanguageSwitch
              disabled={updateProfile.isPending}
              onChange={(locale) => {
                if (locale !== user.locale) updateProfile.mutate({ locale });
              }}
            />
            <UserMenu user={user} />
          </div>
        </div>
      </AppShell.Header>
      <NavBar role={user.role} onNavigate={close} />
      <AppShell.Main id="content">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

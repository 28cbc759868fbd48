import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLogout, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout } from '../../api/auth.ts';
import type { User } from '../../api/types.ts';
import classes from './AppLayout.module.css';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();

  function signOut() {
    logout.mutate(undefined, {
      onSettled: () => {
        notifications.show({ message: t('auth.loggedOut'), color: 'teal' });
        void navigate('/login', { replace: true });
      },
    });
  }

  return (
    <Menu position="bottom-end" width={220} withArrow>
      <Menu.Target>
        <UnstyledButton className={classes.userButton} aria-label={t('header.userMenu', { name: user.name })}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="blue" aria-hidden="true">
              {initials(user.name)}
            </Avatar>
            <Text size="sm" fw={500} className={classes.desktopOnly} truncate maw={160}>
              {user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden="true" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.name}
          <br />
          {t(`roles.${user.role}`)}
        </Menu.Label>
        <Menu.Item component={Link} to="/profile" leftSection={<IconUser size={16} />}>
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={signOut} disabled={logout.isPending}>
          {t('nav.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

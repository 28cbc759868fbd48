import { AppShell, NavLink, ScrollArea, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '../../api/types.ts';
import { type NavItem, navigationFor } from './navigation.ts';

function isActive(item: NavItem, pathname: string): boolean {
  if (item.end) return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

export function NavBar({ role, onNavigate }: { role: Role; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();

  return (
    <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.label')}>
      <AppShell.Section grow component={ScrollArea}>
        {navigationFor(role).map(({ section, items }) => (
          <section key={section.id} aria-labelledby={section.label ? `nav-${section.id}` : undefined}>
            {section.label && (
              <Text component="h2" id={`nav-${section.id}`} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4}>
                {t(section.label)}
              </Text>
            )}
            {items.map((item) => {
              const active = isActive(item, pathname);
              return (
                <NavLink
                  key={item.key}
                  component={Link}
                  to={item.to}
                  label={t(item.label)}
                  leftSection={<item.icon size={18} stroke={1.6} aria-hidden="true" />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={onNavigate}
                  data-nav={item.key}
                  style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                />
              );
            })}
          </section>
        ))}
      </AppShell.Section>
    </AppShell.Navbar>
  );
}

import {
  type Icon,
  IconAddressBook,
  IconArchive,
  IconBuilding,
  IconBuildingCommunity,
  IconCalendarWeek,
  IconChartBar,
  IconChecklist,
  IconClockCog,
  IconFileText,
  IconForms,
  IconHome,
  IconKey,
  IconLayoutKanban,
  IconPackage,
  IconRobot,
  IconTimeline,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import type { Role } from '../../api/types.ts';

/**
 * The app's navigation in one list. A module adds its entry here (Kontakte, Firmen, Deals …);
 * sections are drawn in the order below, entries in the order of this array.
 */
export type NavSectionId = 'main' | 'admin';

export interface NavSection {
  id: NavSectionId;
  /** Heading above the section's entries; the main section has none. */
  label?: ParseKeys;
}

export const NAV_SECTIONS: readonly NavSection[] = [{ id: 'main' }, { id: 'admin', label: 'nav.sections.admin' }];

export interface NavItem {
  key: string;
  label: ParseKeys;
  to: string;
  icon: Icon;
  /** Roles that see the entry; every role when left out. */
  roles?: readonly Role[];
  /** The section, fixed or depending on the viewer's role. */
  section: NavSectionId | ((role: Role) => NavSectionId);
  /** Active only on the exact path (for the home entry). */
  end?: boolean;
}

export const NAVIGATION: readonly NavItem[] = [
  { key: 'home', label: 'nav.home', to: '/', icon: IconHome, section: 'main', end: true },
  { key: 'contacts', label: 'contacts.title', to: '/contacts', icon: IconAddressBook, section: 'main' },
  { key: 'companies', label: 'companies.title', to: '/companies', icon: IconBuildingCommunity, section: 'main' },
  { key: 'deals', label: 'deals.title', to: '/deals', icon: IconLayoutKanban, section: 'main' },
  { key: 'tasks', label: 'tasks.title', to: '/tasks', icon: IconChecklist, section: 'main' },
  { key: 'calendar', label: 'calendar.title', to: '/calendar', icon: IconCalendarWeek, section: 'main' },
  { key: 'reports', label: 'reports.nav', to: '/reports', icon: IconChartBar, section: 'main' },
  { key: 'users', label: 'nav.users', to: '/admin/users', icon: IconUsers, section: 'admin', roles: ['admin'] },
  { key: 'teams', label: 'nav.teams', to: '/admin/teams', icon: IconUsersGroup, section: 'admin', roles: ['admin'] },
  // Every role may create API keys up to its own role; only for admins it sits under Administration.
  {
    key: 'apiKeys',
    label: 'nav.apiKeys',
    to: '/api-keys',
    icon: IconKey,
    section: (role) => (role === 'admin' ? 'admin' : 'main'),
  },
  { key: 'company', label: 'nav.company', to: '/admin/company', icon: IconBuilding, section: 'admin', roles: ['admin'] },
  {
    key: 'documentTemplates',
    label: 'documents.templates.nav',
    to: '/admin/document-templates',
    icon: IconFileText,
    section: 'admin',
    roles: ['admin'],
  },
  {
    key: 'customFields',
    label: 'customFields.title',
    to: '/admin/custom-fields',
    icon: IconForms,
    section: 'admin',
    roles: ['admin'],
  },
  { key: 'workSettings', label: 'workSettings.nav', to: '/admin/work', icon: IconClockCog, section: 'admin', roles: ['admin'] },
  {
    key: 'products',
    label: 'products.title',
    to: '/admin/products',
    icon: IconPackage,
    section: 'admin',
    roles: ['admin', 'head'],
  },
  { key: 'pipelines', label: 'pipelines.title', to: '/admin/pipelines', icon: IconTimeline, section: 'admin', roles: ['admin'] },
  { key: 'automation', label: 'automation.nav', to: '/admin/automation', icon: IconRobot, section: 'admin', roles: ['admin'] },
  { key: 'backups', label: 'backups.title', to: '/admin/backups', icon: IconArchive, section: 'admin', roles: ['admin'] },
];

/** The sections with their entries that a role sees; empty sections are left out. */
export function navigationFor(role: Role): { section: NavSection; items: NavItem[] }[] {
  const visible = NAVIGATION.filter((item) => !item.roles || item.roles.includes(role));
  return NAV_SECTIONS.map((section) => ({
    section,
    items: visible.filter((item) => (typeof item.section === 'function' ? item.section(role) : item.section) === section.id),
  })).filter((group) => group.items.length > 0);
}

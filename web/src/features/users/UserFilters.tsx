import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../../api/teams.ts';
import { ROLES, type Role } from '../../api/types.ts';

export interface FilterValues {
  q: string;
  role: Role | null;
  teamId: string | null;
  active: 'all' | 'active' | 'inactive';
}

interface Props {
  value: FilterValues;
  onChange: (value: FilterValues) => void;
}

export function UserFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const teams = useTeams();
  const set = (patch: Partial<FilterValues>) => onChange({ ...value, ...patch });

  return (
    <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        type="search"
        label={t('common.search')}
        placeholder={t('users.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={value.q}
        onChange={(event) => set({ q: event.currentTarget.value })}
        style={{ flex: '1 1 14rem' }}
      />
      <Select
        label={t('fields.role')}
        placeholder={t('common.all')}
        clearable
        data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        value={value.role}
        onChange={(role) => set({ role: role as Role | null })}
        w={{ base: '100%', xs: 190 }}
      />
      <Select
        label={t('fields.team')}
        placeholder={t('common.all')}
        clearable
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        value={value.teamId}
        onChange={(teamId) => set({ teamId })}
        w={{ base: '100%', xs: 190 }}
      />
      <Select
        label={t('users.status')}
        allowDeselect={false}
        data={[
          { value: 'all', label: t('common.all') },
          { value: 'active', label: t('users.activeOnly') },
          { value: 'inactive', label: t('users.inactiveOnly') },
        ]}
        value={value.active}
        onChange={(active) => set({ active: (active ?? 'all') as FilterValues['active'] })}
        w={{ base: '100%', xs: 160 }}
      />
    </Group>
  );
}

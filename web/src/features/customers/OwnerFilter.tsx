import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ME } from './listParams.ts';
import { useActiveUsers } from './useUserNames.ts';

/** Owner filter: "mine" first, then every active user. */
export function OwnerFilter({ value, onChange }: { value: string | null; onChange: (value: string | null) => void }) {
  const { t } = useTranslation();
  const users = useActiveUsers();
  return (
    <Select
      label={t('customers.owner')}
      placeholder={t('common.all')}
      clearable
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      data={[{ value: ME, label: t('customers.mine') }, ...users.map((user) => ({ value: user.id, label: user.name }))]}
      value={value}
      onChange={onChange}
      w={{ base: '100%', xs: 190 }}
    />
  );
}

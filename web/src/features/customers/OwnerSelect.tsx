import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActiveUsers } from './useUserNames.ts';

/** The owner of a record: an active user (the server checks who may give records to whom). */
export function OwnerSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const users = useActiveUsers();
  return (
    <Select
      label={t('customers.owner')}
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      data={users.map((user) => ({ value: user.id, label: user.name }))}
      {...props}
    />
  );
}

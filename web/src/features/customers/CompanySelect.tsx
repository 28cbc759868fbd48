import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerList } from '../../api/customers.ts';

interface Props extends Omit<SelectProps, 'data' | 'searchValue' | 'onSearchChange'> {
  /** The name of the company chosen now, shown before any search. */
  currentName?: string | null;
}

/** Picks a company by searching the companies the user may see. */
export function CompanySelect({ currentName, value, ...props }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useCustomerList('company', q ? { q, sort: 'name' } : { sort: 'name' }, { limit: 20 });
  const data = useMemo(() => {
    const options = (list.data?.pages[0]?.data ?? []).map((company) => ({ value: company.id, label: company.name }));
    if (value && currentName && !options.some((option) => option.value === value)) options.unshift({ value, label: currentName });
    return options;
  }, [list.data, value, currentName]);

  return (
    <Select
      label={t('contacts.company')}
      placeholder={t('contacts.companyPlaceholder')}
      searchable
      clearable
      nothingFoundMessage={list.isFetching ? t('common.loading') : t('common.nothingFound')}
      data={data}
      value={value}
      onSearchChange={setSearch}
      // the server filters; the options shown are its answer
      filter={({ options }) => options}
      {...props}
    />
  );
}

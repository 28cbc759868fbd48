import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerList } from '../../../api/customers.ts';

interface Props extends Omit<SelectProps, 'data' | 'searchValue' | 'onSearchChange'> {
  /** The name of the contact chosen now, shown before any search. */
  currentName?: string | null;
}

function contactName(contact: { firstName?: string | null; lastName?: string | null; email?: string | null }): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email || '—';
}

/** Picks a contact by searching the contacts the user may see (the server matches names, e-mail and phone). */
export function ContactSelect({ currentName, value, ...props }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useCustomerList('contact', q ? { q } : { sort: 'lastName' }, { limit: 20 });
  const data = useMemo(() => {
    const options = (list.data?.pages[0]?.data ?? []).map((contact) => ({ value: contact.id, label: contactName(contact) }));
    if (value && currentName && !options.some((option) => option.value === value)) options.unshift({ value, label: currentName });
    return options;
  }, [list.data, value, currentName]);

  return (
    <Select
      label={t('deals.fields.contact')}
      placeholder={t('deals.form.contactPlaceholder')}
      searchable
      clearable
      nothingFoundMessage={list.isFetching ? t('common.loading') : t('common.nothingFound')}
      data={data}
      value={value}
      onSearchChange={setSearch}
      // the server matches; the options shown are its answer
      filter={({ options }) => options}
      {...props}
    />
  );
}

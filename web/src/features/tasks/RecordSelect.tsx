import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LinkKind, useLinkLabel, useLinkSearch } from '../../api/tasks.ts';

interface Props extends Omit<SelectProps, 'data' | 'searchValue' | 'onSearchChange' | 'onChange'> {
  kind: LinkKind;
  value?: string | null;
  onChange: (value: string | null) => void;
  /** The name of the record chosen now, when known (else it is looked up). */
  currentName?: string | null;
}

/** Picks a contact, company or deal by searching the records the user may see. */
export function RecordSelect({ kind, value: given, onChange, currentName, ...props }: Props) {
  const value = given ?? null;
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const hits = useLinkSearch(kind, q);
  const label = useLinkLabel(kind, value, !currentName);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);

  const data = useMemo(() => {
    const options = (hits.data ?? []).map((hit) => ({
      value: hit.id,
      label: hit.subtitle ? `${hit.title} · ${hit.subtitle}` : hit.title,
    }));
    const name = picked?.value === value ? picked.label : (currentName ?? label.data);
    if (value && !options.some((option) => option.value === value)) options.unshift({ value, label: name || '…' });
    return options;
  }, [hits.data, value, currentName, label.data, picked]);

  return (
    <Select
      searchable
      clearable
      placeholder={t('tasks.linkSearch')}
      nothingFoundMessage={q.trim() ? (hits.isFetching ? t('common.loading') : t('common.nothingFound')) : t('tasks.linkSearch')}
      data={data}
      value={value}
      onChange={(next, option) => {
        setPicked(next && option ? { value: next, label: option.label } : null);
        onChange(next);
      }}
      onSearchChange={setSearch}
      // the server searches; its answer is what is shown
      filter={({ options }) => options}
      {...props}
    />
  );
}

import { Autocomplete, type BoxProps, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Values to offer while typing (e.g. tags of the rows loaded). */
  suggestions?: string[];
  search?: boolean;
  w?: BoxProps['w'];
}

/** A text filter that types freely and updates the list once the typing pauses. */
export function TextFilter({ label, value, onChange, placeholder, suggestions, search, w }: Props) {
  const [text, setText] = useState(value);
  const commit = useDebouncedCallback((next: string) => onChange(next.trim()), 350);

  // A saved view or "reset filters" changes the value from outside.
  useEffect(() => setText(value), [value]);

  const change = (next: string) => {
    setText(next);
    commit(next);
  };

  if (suggestions) {
    return (
      <Autocomplete
        label={label}
        placeholder={placeholder}
        data={suggestions}
        value={text}
        onChange={change}
        onOptionSubmit={(option) => {
          setText(option);
          onChange(option);
        }}
        clearable
        w={w}
      />
    );
  }
  return (
    <TextInput
      type={search ? 'search' : 'text'}
      label={label}
      placeholder={placeholder}
      leftSection={search ? <IconSearch size={16} aria-hidden="true" /> : undefined}
      value={text}
      onChange={(event) => change(event.currentTarget.value)}
      w={w}
      style={search ? { flex: '1 1 14rem' } : undefined}
    />
  );
}

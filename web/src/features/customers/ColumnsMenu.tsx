import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomerEntity, CustomField } from '../../api/types.ts';

/** Which custom field columns the user hid in a list, remembered in this browser. */
export function useHiddenColumns(entity: CustomerEntity) {
  return useLocalStorage<string[]>({ key: `kontor.hiddenColumns.${entity}`, defaultValue: [] });
}

interface Props {
  fields: CustomField[];
  hidden: string[];
  onChange: (hidden: string[]) => void;
}

/** Shows or hides a column per custom field. */
export function ColumnsMenu({ fields, hidden, onChange }: Props) {
  const { t } = useTranslation();
  if (fields.length === 0) return null;
  const toggle = (key: string, visible: boolean) =>
    onChange(visible ? hidden.filter((k) => k !== key) : [...new Set([...hidden, key])]);
  return (
    <Popover position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          {t('customers.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb="xs">
          {t('customers.customFieldColumns')}
        </Text>
        <Stack gap="xs">
          {fields.map((field) => (
            <Checkbox
              key={field.key}
              label={field.label}
              checked={!hidden.includes(field.key)}
              onChange={(event) => toggle(field.key, event.currentTarget.checked)}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

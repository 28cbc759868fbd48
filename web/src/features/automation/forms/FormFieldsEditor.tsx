import { ActionIcon, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEntityFields } from '../../../api/customFields.ts';
import type { FormField, FormFieldType } from '../../../api/forms.ts';

export type DraftField = FormField & { uid: string };

const CONTACT = ['firstName', 'lastName', 'email', 'phone', 'street', 'zip', 'city'] as const;
const TYPES: FormFieldType[] = ['text', 'email', 'tel', 'textarea', 'number', 'date'];

/** The technical field name that goes with a mapping: contact.email → email, note → message. */
export function nameFor(mapTo: string): string {
  if (mapTo === 'company.name') return 'company';
  if (mapTo === 'note') return 'message';
  return mapTo.split('.').pop() ?? 'field';
}

interface Props {
  fields: DraftField[];
  onChange: (fields: DraftField[]) => void;
  error: (path: string) => string | undefined;
}

/** The form's inputs: label, where the value goes (contact or deal field), type, required. */
export function FormFieldsEditor({ fields, onChange, error }: Props) {
  const { t } = useTranslation();
  const dealFields = useEntityFields('deal');
  const targets = [
    {
      group: t('automation.entities.contact'),
      items: CONTACT.map((k) => ({ value: `contact.${k}`, label: t(`automation.forms.targets.${k}`) })),
    },
    {
      group: t('automation.forms.targets.other'),
      items: [
        { value: 'company.name', label: t('automation.forms.targets.company') },
        { value: 'note', label: t('automation.forms.targets.note') },
      ],
    },
    {
      group: t('automation.entities.deal'),
      items: dealFields.map((f) => ({ value: `deal.customFields.${f.key}`, label: f.label })),
    },
  ].filter((g) => g.items.length > 0);
  const set = (i: number, changes: Partial<DraftField>) => onChange(fields.map((f, j) => (j === i ? { ...f, ...changes } : f)));
  const move = (i: number, by: number) => {
    const next = [...fields];
    const [f] = next.splice(i, 1);
    if (f) next.splice(i + by, 0, f);
    onChange(next);
  };

  return (
    <Stack gap="sm">
      {fields.map((field, i) => (
        <Paper key={field.uid} withBorder p="sm" radius="sm" data-form-field={field.name}>
          <Group align="flex-start" wrap="nowrap" gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs" style={{ flex: 1 }}>
              <TextInput
                label={t('automation.forms.field.label')}
                description={t('automation.forms.field.labelHint')}
                value={field.label}
                error={error(`fields.${i}.label`)}
                onChange={(e) => set(i, { label: e.currentTarget.value })}
              />
              <Select
                label={t('automation.forms.field.mapTo')}
                data={targets}
                value={field.mapTo ?? null}
                searchable
                error={error(`fields.${i}.mapTo`)}
                onChange={(mapTo) => {
                  if (!mapTo) return;
                  const type: FormFieldType =
                    mapTo === 'contact.email'
                      ? 'email'
                      : mapTo === 'contact.phone'
                        ? 'tel'
                        : mapTo === 'note'
                          ? 'textarea'
                          : field.type;
                  set(i, { mapTo, name: uniqueName(fields, nameFor(mapTo), i), type });
                }}
              />
              <Select
                label={t('automation.forms.field.type')}
                data={TYPES.map((type) => ({ value: type, label: t(`automation.forms.types.${type}`) }))}
                value={field.type}
                allowDeselect={false}
                onChange={(type) => set(i, { type: (type ?? 'text') as FormFieldType })}
              />
              <TextInput
                label={t('automation.forms.field.name')}
                value={field.name}
                ff="monospace"
                error={error(`fields.${i}.name`)}
                onChange={(e) => set(i, { name: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Stack gap={2} mt={22}>
              <Tooltip label={t('automation.steps.up')}>
                <ActionIcon variant="subtle" disabled={i === 0} aria-label={t('automation.steps.up')} onClick={() => move(i, -1)}>
                  <IconArrowUp size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('automation.steps.down')}>
                <ActionIcon
                  variant="subtle"
                  disabled={i === fields.length - 1}
                  aria-label={t('automation.steps.down')}
                  onClick={() => move(i, 1)}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('automation.forms.field.remove')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('automation.forms.field.removeLabel', { name: field.label })}
                  onClick={() => onChange(fields.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Stack>
          </Group>
          <Checkbox
            mt="xs"
            label={t('automation.forms.field.required')}
            checked={field.required ?? false}
            onChange={(e) => set(i, { required: e.currentTarget.checked })}
          />
        </Paper>
      ))}
      {error('fields') && (
        <Text c="red" size="sm">
          {error('fields')}
        </Text>
      )}
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() =>
          onChange([
            ...fields,
            {
              uid: `f${Date.now()}${fields.length}`,
              name: uniqueName(fields, 'field', -1),
              label: '',
              type: 'text',
              mapTo: 'note',
            },
          ])
        }
      >
        {t('automation.forms.field.add')}
      </Button>
    </Stack>
  );
}

function uniqueName(fields: DraftField[], base: string, self: number): string {
  const taken = new Set(fields.filter((_, j) => j !== self).map((f) => f.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

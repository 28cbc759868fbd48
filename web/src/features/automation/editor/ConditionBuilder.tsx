import { ActionIcon, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ConditionOp } from '../../../api/workflows.ts';
import { type DraftCondition, type DraftConditions, type DraftGroup, isGroup, type Mode, other, uid } from '../draft.ts';
import { useFieldError } from '../errors.tsx';
import { type FieldDef, groupedFieldOptions, needsValue, operatorsFor } from '../fields.ts';
import { ValueInput } from './ValueInput.tsx';

interface Props {
  value: DraftConditions;
  onChange: (value: DraftConditions) => void;
  fields: FieldDef[];
  /** Error path prefix: conditions, steps.3.conditions … */
  path: string;
}

const blank = (): DraftCondition => ({ uid: uid(), field: '', op: 'eq' });

/** AND/OR groups over record fields (custom fields included), one level of nesting. */
export function ConditionBuilder({ value, onChange, fields, path }: Props) {
  const { t } = useTranslation();
  const { mode, items } = value;
  const setItems = (next: typeof items) => onChange({ mode, items: next });
  const replace = (i: number, item: DraftCondition | DraftGroup | null) =>
    setItems(item ? items.map((x, j) => (j === i ? item : x)) : items.filter((_, j) => j !== i));

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('automation.conditions.modeLabel')}
        value={mode}
        onChange={(m) => onChange({ mode: m as Mode, items })}
        data={[
          { value: 'all', label: t('automation.conditions.all') },
          { value: 'any', label: t('automation.conditions.any') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('automation.conditions.none')}
        </Text>
      )}
      {items.map((item, i) =>
        isGroup(item) ? (
          <Paper key={item.uid} withBorder p="sm" radius="sm" bg="var(--mantine-color-gray-light)">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text size="sm" fw={500}>
                  {t(other(mode) === 'any' ? 'automation.conditions.groupAny' : 'automation.conditions.groupAll')}
                </Text>
                <Tooltip label={t('automation.conditions.removeGroup')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('automation.conditions.removeGroup')}
                    onClick={() => replace(i, null)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
              {item.conditions.map((c, j) => (
                <ConditionRow
                  key={c.uid}
                  condition={c}
                  fields={fields}
                  path={`${path}.${mode}.${i}.${other(mode)}.${j}`}
                  onChange={(next) =>
                    replace(i, {
                      ...item,
                      conditions: next
                        ? item.conditions.map((x, k) => (k === j ? next : x))
                        : item.conditions.filter((_, k) => k !== j),
                    })
                  }
                />
              ))}
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                style={{ alignSelf: 'flex-start' }}
                onClick={() => replace(i, { ...item, conditions: [...item.conditions, blank()] })}
              >
                {t('automation.conditions.add')}
              </Button>
            </Stack>
          </Paper>
        ) : (
          <ConditionRow
            key={item.uid}
            condition={item}
            fields={fields}
            path={`${path}.${mode}.${i}`}
            onChange={(next) => replace(i, next)}
          />
        ),
      )}
      <Group gap="xs">
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setItems([...items, blank()])}>
          {t('automation.conditions.add')}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() => setItems([...items, { uid: uid(), conditions: [blank()] }])}
        >
          {t(other(mode) === 'any' ? 'automation.conditions.addGroupAny' : 'automation.conditions.addGroupAll')}
        </Button>
      </Group>
    </Stack>
  );
}

function ConditionRow({
  condition,
  fields,
  path,
  onChange,
}: {
  condition: DraftCondition;
  fields: FieldDef[];
  path: string;
  onChange: (next: DraftCondition | null) => void;
}) {
  const { t } = useTranslation();
  const error = useFieldError();
  const def = fields.find((f) => f.path === condition.field);
  const ops = operatorsFor(def?.kind);
  const options = groupedFieldOptions(t, fields);
  if (condition.field && !def)
    options.push({ group: t('automation.conditions.otherFields'), items: [{ value: condition.field, label: condition.field }] });

  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" data-condition={condition.field}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" style={{ flex: 1 }}>
        <Select
          aria-label={t('automation.conditions.field')}
          placeholder={t('automation.conditions.field')}
          data={options}
          value={condition.field || null}
          searchable
          error={error(`${path}.field`) ?? error(path)}
          onChange={(field) => {
            const nextDef = fields.find((f) => f.path === field);
            const allowed = operatorsFor(nextDef?.kind);
            onChange({ uid: condition.uid, field: field ?? '', op: allowed[0] as ConditionOp });
          }}
        />
        <Select
          aria-label={t('automation.conditions.operator')}
          data={ops.map((op) => ({ value: op, label: t(`automation.ops.${op}`) }))}
          value={ops.includes(condition.op) ? condition.op : null}
          allowDeselect={false}
          error={error(`${path}.op`)}
          onChange={(op) => {
            const nextOp = (op ?? 'eq') as ConditionOp;
            const value = needsValue(nextOp) ? (nextOp === 'in' ? [] : condition.value) : undefined;
            onChange({ ...condition, op: nextOp, value: nextOp === 'in' || condition.op === 'in' ? value : condition.value });
          }}
        />
        {needsValue(condition.op) ? (
          <ValueInput
            def={def}
            label={t('automation.conditions.value')}
            value={condition.value}
            multiple={condition.op === 'in'}
            error={error(`${path}.value`)}
            onChange={(value) => onChange({ ...condition, value })}
          />
        ) : (
          <span />
        )}
      </SimpleGrid>
      <Tooltip label={t('automation.conditions.remove')}>
        <ActionIcon
          variant="subtle"
          color="red"
          mt={4}
          aria-label={t('automation.conditions.remove')}
          onClick={() => onChange(null)}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

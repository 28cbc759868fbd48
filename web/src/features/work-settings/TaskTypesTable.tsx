import { ActionIcon, Badge, Button, Group, Paper, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTaskTypes } from '../../api/tasks.ts';
import type { TaskType } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { TaskTypeIcon } from '../tasks/taskTypes.tsx';
import { TaskTypeModal } from './TaskTypeModal.tsx';

function Minutes({ value }: { value: number | null }) {
  const { t } = useTranslation();
  return value == null ? <Text c="dimmed">—</Text> : <Text size="sm">{t('tasks.minutes', { count: value })}</Text>;
}

/** The task types with their names, default reminder and SLA; add and edit (admin). */
export function TaskTypesTable() {
  const { t } = useTranslation();
  const types = useTaskTypes();
  const [editing, setEditing] = useState<TaskType | null>(null);
  const [adding, setAdding] = useState(false);

  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t('workSettings.types.title')}
        </Title>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          {t('workSettings.types.add')}
        </Button>
      </Group>
      {types.isPending ? (
        <TableSkeleton columns={5} />
      ) : types.isError ? (
        <ErrorAlert error={types.error} onRetry={() => void types.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" highlightOnHover aria-label={t('workSettings.types.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('workSettings.types.nameDe')}</Table.Th>
                <Table.Th>{t('workSettings.types.nameEn')}</Table.Th>
                <Table.Th>{t('workSettings.types.key')}</Table.Th>
                <Table.Th>{t('workSettings.types.reminderMinutes')}</Table.Th>
                <Table.Th>{t('workSettings.types.slaMinutes')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {types.data.map((type) => (
                <Table.Tr key={type.key} data-task-type={type.key}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <TaskTypeIcon type={type.key} size={16} />
                      <Text size="sm" fw={500}>
                        {type.nameDe}
                      </Text>
                      {type.builtin && (
                        <Badge size="xs" variant="light" color="gray">
                          {t('workSettings.types.builtin')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{type.nameEn}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {type.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Minutes value={type.reminderMinutes} />
                  </Table.Td>
                  <Table.Td>
                    <Minutes value={type.slaMinutes} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Tooltip label={t('common.edit')} withArrow>
                      <ActionIcon
                        variant="subtle"
                        onClick={() => setEditing(type)}
                        aria-label={t('workSettings.types.edit', { name: type.nameDe })}
                      >
                        <IconPencil size={18} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <TaskTypeModal
        opened={adding || editing !== null}
        type={editing}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
      />
    </Paper>
  );
}

import { Group, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateTaskButton } from './CreateTaskDialog.tsx';
import { TaskList } from './TaskList.tsx';
import { useLiveTasks } from './useLiveTasks.ts';

interface Props {
  /** Exactly one of them: the record whose open tasks are shown (and new ones linked to). */
  contactId?: string;
  companyId?: string;
  dealId?: string;
}

/**
 * "Aufgaben" on a contact, company or deal page: its open tasks (soonest first) and a button for a new
 * one linked to the record. `<RecordTasks dealId={deal.id} />`
 */
export function RecordTasks({ contactId, companyId, dealId }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  useLiveTasks();
  const link = contactId ? { contactId } : companyId ? { companyId } : { dealId };

  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('tasks.record.title')}
        </Title>
        <CreateTaskButton {...link} variant="light" size="xs" />
      </Group>
      <TaskList
        label={t('tasks.record.title')}
        query={{ ...link, status: 'open', sort: 'dueAt' }}
        limit={20}
        showAssignee
        emptyTitle={t('tasks.record.empty')}
      />
    </section>
  );
}

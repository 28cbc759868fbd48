import { Anchor, Group, Text } from '@mantine/core';
import { IconAddressBook, IconBriefcase, IconBuildingCommunity } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Task } from '../../api/types.ts';

function RecordLink({ to, icon, children }: { to: string; icon: ReactNode; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, minWidth: 0 }}>
      {icon}
      <Text span inherit truncate>
        {children}
      </Text>
    </Anchor>
  );
}

/** Links to the contact, company and deal a task belongs to. */
export function TaskLinks({ task }: { task: Task }) {
  if (!task.contactId && !task.companyId && !task.dealId) return null;
  return (
    <Group gap="sm" wrap="wrap" style={{ rowGap: 2 }}>
      {task.dealId && (
        <RecordLink to={`/deals/${task.dealId}`} icon={<IconBriefcase size={14} aria-hidden="true" />}>
          {task.dealTitle ?? '…'}
        </RecordLink>
      )}
      {task.contactId && (
        <RecordLink to={`/contacts/${task.contactId}`} icon={<IconAddressBook size={14} aria-hidden="true" />}>
          {task.contactName ?? '…'}
        </RecordLink>
      )}
      {task.companyId && (
        <RecordLink to={`/companies/${task.companyId}`} icon={<IconBuildingCommunity size={14} aria-hidden="true" />}>
          {task.companyName ?? '…'}
        </RecordLink>
      )}
    </Group>
  );
}

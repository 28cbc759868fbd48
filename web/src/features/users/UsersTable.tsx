import { ActionIcon, Badge, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconTransfer } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Team, User } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';

interface Props {
  users: User[];
  teams: Map<string, Team>;
  onEdit: (user: User) => void;
  /** Hands the user's records and open tasks to a colleague. */
  onHandover?: (user: User) => void;
}

export function UsersTable({ users, teams, onEdit, onHandover }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('users.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('fields.email')}</Table.Th>
            <Table.Th>{t('fields.role')}</Table.Th>
            <Table.Th>{t('fields.team')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            <Table.Th>{t('users.lastLogin')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-user={user.email}>
              <Table.Td fw={500}>{user.name}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>{user.teamId ? (teams.get(user.teamId)?.name ?? '…') : <Text c="dimmed">—</Text>}</Table.Td>
              <Table.Td>
                <Badge color={user.active ? 'teal' : 'gray'} variant="light">
                  {user.active ? t('common.active') : t('common.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                {user.lastLoginAt ? (
                  formatDateTime(user.lastLoginAt)
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('users.neverLoggedIn')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label={t('common.edit')} withArrow>
                    <ActionIcon
                      variant="subtle"
                      onClick={() => onEdit(user)}
                      aria-label={t('users.editTitle', { name: user.name })}
                    >
                      <IconPencil size={18} />
                    </ActionIcon>
                  </Tooltip>
                  {onHandover && (
                    <Tooltip label={t('handover.action')} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="orange"
                        onClick={() => onHandover(user)}
                        aria-label={t('handover.actionFor', { name: user.name })}
                      >
                        <IconTransfer size={18} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

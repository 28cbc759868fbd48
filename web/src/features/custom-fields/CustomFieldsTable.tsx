import { ActionIcon, Badge, Code, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDeleteCustomField } from '../../api/customFields.ts';
import type { CustomField } from '../../api/types.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { errorSummary } from '../../components/errors.ts';

export function CustomFieldsTable({ fields, onEdit }: { fields: CustomField[]; onEdit: (field: CustomField) => void }) {
  const { t } = useTranslation();
  const remove = useDeleteCustomField();
  const confirmDelete = (field: CustomField) =>
    remove.mutateAsync(field.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('customFields.deleted', { name: field.label }) }),
      onError: (error) => notifications.show({ color: 'red', message: errorSummary(t, error) }),
    });

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('customFields.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('customFields.label')}</Table.Th>
            <Table.Th>{t('customFields.key')}</Table.Th>
            <Table.Th>{t('customFields.type')}</Table.Th>
            <Table.Th>{t('customFields.options')}</Table.Th>
            <Table.Th>{t('customFields.required')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((field) => (
            <Table.Tr key={field.id} data-custom-field={field.key}>
              <Table.Td fw={500}>{field.label}</Table.Td>
              <Table.Td>
                <Code>{field.key}</Code>
              </Table.Td>
              <Table.Td>{t(`customFields.types.${field.type}`)}</Table.Td>
              <Table.Td>
                {field.options.length > 0 ? (
                  <Group gap={4}>
                    {field.options.map((option) => (
                      <Badge key={option} size="sm" variant="light" tt="none">
                        {option}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  <Text c="dimmed">—</Text>
                )}
              </Table.Td>
              <Table.Td>{field.required ? t('customers.yes') : t('customers.no')}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label={t('common.edit')} withArrow>
                    <ActionIcon
                      variant="subtle"
                      onClick={() => onEdit(field)}
                      aria-label={t('customFields.editTitle', { name: field.label })}
                    >
                      <IconPencil size={18} />
                    </ActionIcon>
                  </Tooltip>
                  <ConfirmButton
                    iconOnly
                    icon={<IconTrash size={18} />}
                    label={t('customFields.deleteLabel', { name: field.label })}
                    title={t('customFields.deleteTitle')}
                    message={t('customFields.deleteMessage', { name: field.label })}
                    confirmLabel={t('common.delete')}
                    loading={remove.isPending}
                    onConfirm={() => confirmDelete(field)}
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Button, Group, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconBookmarkPlus, IconCheck, IconChevronDown, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListQuery } from '../../api/customers.ts';
import { useCreateSavedView, useDeleteSavedView, useSavedViews } from '../../api/savedViews.ts';
import type { CustomerEntity } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorSummary } from '../../components/errors.ts';
import { sameQuery } from './listParams.ts';

interface Props {
  entity: CustomerEntity;
  query: ListQuery;
  onApply: (query: ListQuery) => void;
}

/** Named filter-and-sort combinations of the user: pick one, save the current one, delete the active one. */
export function SavedViewsMenu({ entity, query, onApply }: Props) {
  const { t } = useTranslation();
  const views = useSavedViews(entity);
  const create = useCreateSavedView(entity);
  const remove = useDeleteSavedView(entity);
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState('');
  const active = views.data?.find((view) => sameQuery(view.query, query)) ?? null;

  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    create.mutate(
      { name: trimmed, query },
      {
        onSuccess: (view) => {
          notifications.show({ color: 'teal', message: t('customers.viewSaved', { name: view.name }) });
          setName('');
          close();
        },
      },
    );
  };

  const deleteActive = () => {
    if (!active) return;
    remove.mutate(active.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('customers.viewDeleted', { name: active.name }) }),
      onError: (error) => notifications.show({ color: 'red', message: errorSummary(t, error) }),
    });
  };

  return (
    <>
      <Menu position="bottom-end" withArrow width={260}>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />} rightSection={<IconChevronDown size={14} />}>
            {active ? active.name : t('customers.views')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('customers.savedViews')}</Menu.Label>
          {(views.data ?? []).length === 0 && <Menu.Item disabled>{t('customers.noViews')}</Menu.Item>}
          {(views.data ?? []).map((view) => (
            <Menu.Item
              key={view.id}
              onClick={() => onApply(view.query)}
              leftSection={view.id === active?.id ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
            >
              {view.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconBookmarkPlus size={14} />} onClick={open} disabled={active !== null}>
            {t('customers.saveView')}
          </Menu.Item>
          {active && (
            <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={deleteActive}>
              {t('customers.deleteView', { name: active.name })}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={opened} onClose={close} title={t('customers.saveView')} centered>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <Stack>
            {create.error && <ErrorAlert error={create.error} fieldLabels={{ name: t('customers.viewName') }} />}
            <TextInput
              label={t('customers.viewName')}
              description={t('customers.viewNameHint')}
              required
              data-autofocus
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              maxLength={100}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

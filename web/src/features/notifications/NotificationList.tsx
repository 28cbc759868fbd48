import { Button, Center, Group, Loader, ScrollArea, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMarkAllNotificationsRead, useNotifications } from '../../api/notifications.ts';
import type { AppNotification } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { NotificationItem } from './NotificationItem.tsx';

/** The bell's dropdown: newest first, "mark all read", more on demand. */
export function NotificationList({ onOpen }: { onOpen: (notification: AppNotification) => void }) {
  const { t } = useTranslation();
  const list = useNotifications();
  const markAll = useMarkAllNotificationsRead();
  const items = list.data?.pages.flatMap((page) => page.data) ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;

  return (
    <>
      <Group justify="space-between" px="md" py="xs" wrap="nowrap">
        <Text fw={700} size="sm" component="h2" m={0}>
          {t('notifications.title')}
        </Text>
        <Button
          variant="subtle"
          size="compact-xs"
          leftSection={<IconChecks size={14} />}
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <ScrollArea.Autosize mah="min(440px, 70dvh)" type="auto">
        {list.isPending ? (
          <Center p="md">
            <Loader size="sm" />
          </Center>
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" p="lg" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            {t('notifications.empty')}
          </Text>
        ) : (
          <ul aria-label={t('notifications.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((notification) => (
              <li key={notification.id}>
                <NotificationItem notification={notification} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        )}
        {list.hasNextPage && (
          <Center p="xs">
            <Button variant="subtle" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Center>
        )}
      </ScrollArea.Autosize>
    </>
  );
}

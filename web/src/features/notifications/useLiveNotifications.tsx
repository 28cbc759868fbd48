import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useServerEvents } from '../../api/events.ts';
import { addNotification, notificationsKey } from '../../api/notifications.ts';
import type { AppNotification } from '../../api/types.ts';
import { kindOf, pathOf } from './notificationKinds.tsx';

/**
 * New notifications arrive over SSE: they go on top of the bell's list at once and show as a toast
 * with a way to the record. After a lost connection the list is fetched again.
 */
export function useLiveNotifications(open: (notification: AppNotification) => void): void {
  const { t } = useTranslation();
  const qc = useQueryClient();
  useServerEvents(
    ['notification.created'],
    (event) => {
      const notification = event.data.notification as AppNotification | undefined;
      if (!notification) return;
      addNotification(qc, notification);
      // The list shows it at once; the server's answer then confirms list and count.
      void qc.invalidateQueries({ queryKey: notificationsKey });
      const { icon: KindIcon, color } = kindOf(notification);
      const toastId = `notification-${notification.id}`;
      notifications.show({
        id: toastId,
        color,
        icon: <KindIcon size={18} />,
        title: notification.title,
        autoClose: 8000,
        message: (
          <>
            {notification.body && <Text size="sm">{notification.body}</Text>}
            {pathOf(notification) && (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => {
                  notifications.hide(toastId);
                  open(notification);
                }}
              >
                {t('notifications.open')}
              </Anchor>
            )}
          </>
        ),
      });
    },
    () => void qc.invalidateQueries({ queryKey: notificationsKey }),
  );
}

import { ActionIcon, Indicator, Popover, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMarkNotificationRead, useNotifications } from '../../api/notifications.ts';
import type { AppNotification } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { NotificationList } from './NotificationList.tsx';
import classes from './Notifications.module.css';
import { pathOf } from './notificationKinds.tsx';
import { useLiveNotifications } from './useLiveNotifications.tsx';

/** The header's bell: unread count, the latest notifications, live over SSE. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useNotifications();
  const markRead = useMarkNotificationRead();
  const [opened, { toggle, close }] = useDisclosure(false);
  const unread = list.data?.pages[0]?.unreadCount ?? 0;

  const open = (notification: AppNotification) => {
    close();
    if (!notification.readAt) markRead.mutate(notification.id);
    const path = pathOf(notification);
    if (path) void navigate(path);
  };
  useLiveNotifications(open);

  return (
    <Popover opened={opened} onChange={(next) => !next && close()} position="bottom-end" shadow="md" withArrow trapFocus>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : formatNumber(unread)}
          size={18}
          color="red"
          offset={6}
          disabled={unread === 0}
          data-testid="notification-count"
        >
          <Tooltip label={t('notifications.title')} withArrow disabled={opened}>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              onClick={toggle}
              aria-label={t('notifications.bell', { count: unread })}
              aria-expanded={opened}
              aria-haspopup="dialog"
            >
              <IconBell size={20} stroke={1.7} />
            </ActionIcon>
          </Tooltip>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} className={classes.dropdown}>
        <NotificationList onOpen={open} />
      </Popover.Dropdown>
    </Popover>
  );
}

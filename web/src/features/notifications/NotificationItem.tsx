import { Group, Stack, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppNotification } from '../../api/types.ts';
import { RelativeTime } from '../customers/RelativeTime.tsx';
import { notInFuture } from '../tasks/format.ts';
import classes from './Notifications.module.css';
import { kindOf } from './notificationKinds.tsx';

interface Props {
  notification: AppNotification;
  onOpen: (notification: AppNotification) => void;
}

export function NotificationItem({ notification, onOpen }: Props) {
  const { t } = useTranslation();
  const { icon: KindIcon, color } = kindOf(notification);
  const unread = notification.readAt === null;
  return (
    <UnstyledButton
      className={classes.item}
      data-unread={unread || undefined}
      data-notification={notification.kind}
      onClick={() => onOpen(notification)}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color={color} radius="xl" size="md">
          <KindIcon size={16} aria-hidden="true" />
        </ThemeIcon>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={unread ? 700 : 400} className={classes.text}>
            {unread && <VisuallyHidden>{t('notifications.unread')}: </VisuallyHidden>}
            {notification.title}
          </Text>
          {notification.body && (
            <Text size="xs" c="dimmed" lineClamp={2} className={classes.text}>
              {notification.body}
            </Text>
          )}
          <Text size="xs" c="dimmed" component="span">
            <RelativeTime value={notInFuture(notification.createdAt)} />
          </Text>
        </Stack>
        {unread && <span className={classes.dot} aria-hidden="true" />}
      </Group>
    </UnstyledButton>
  );
}

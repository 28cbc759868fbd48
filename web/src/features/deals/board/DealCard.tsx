import { Anchor, Avatar, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconBuilding, IconClockHour4, IconHourglassLow, IconUser } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoardCard } from '../../../api/types.ts';
import { formatDate, formatMoney } from '../../../i18n/format.ts';
import { initials } from '../format.ts';
import classes from './Board.module.css';

interface Props {
  card: BoardCard;
  ownerName: string | undefined;
  /** The drag handle (a button), left of the title. */
  handle?: ReactNode;
  /** The floating copy under the pointer while dragging. */
  overlay?: boolean;
  dragging?: boolean;
}

/** A deal on the board: title, value, contact and company, owner, days in stage and its markers. */
export function DealCard({ card, ownerName, handle, overlay, dragging }: Props) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      shadow={overlay ? 'lg' : 'xs'}
      className={classes.card}
      data-dragging={dragging || undefined}
      data-overlay={overlay || undefined}
      data-rotting={card.rotting || undefined}
    >
      <Group gap={6} wrap="nowrap" align="flex-start">
        {handle}
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
            <Anchor
              component={Link}
              to={`/deals/${encodeURIComponent(card.id)}`}
              size="sm"
              fw={600}
              c="var(--mantine-color-text)"
              className={classes.title}
              draggable={false}
              tabIndex={overlay ? -1 : undefined}
            >
              {card.title}
            </Anchor>
            <Tooltip label={ownerName ?? t('deals.noOwner')} withArrow>
              <Avatar
                size={24}
                radius="xl"
                color="initials"
                name={ownerName}
                role="img"
                aria-label={ownerName ?? t('deals.noOwner')}
              >
                {initials(ownerName)}
              </Avatar>
            </Tooltip>
          </Group>
          <Text size="sm" fw={500} data-testid="card-amount">
            {formatMoney(card.amountCents, card.currency)}
          </Text>
          {(card.contactName || card.companyName) && (
            <Stack gap={0}>
              {card.contactName && (
                <Group gap={4} wrap="nowrap">
                  <IconUser size={13} aria-hidden="true" className={classes.dim} />
                  <Text size="xs" c="dimmed" truncate>
                    {card.contactName}
                  </Text>
                </Group>
              )}
              {card.companyName && (
                <Group gap={4} wrap="nowrap">
                  <IconBuilding size={13} aria-hidden="true" className={classes.dim} />
                  <Text size="xs" c="dimmed" truncate>
                    {card.companyName}
                  </Text>
                </Group>
              )}
            </Stack>
          )}
          {card.nextTask && (
            <Text
              size="xs"
              c={card.nextTask.dueAt && card.nextTask.dueAt < new Date().toISOString() ? 'red' : 'dimmed'}
              truncate
              data-testid="card-next-task"
            >
              {t('board.nextTask', {
                title: card.nextTask.title,
                due: card.nextTask.dueAt ? formatDate(card.nextTask.dueAt) : '–',
              })}
            </Text>
          )}
          <Group gap={6} wrap="wrap">
            <Group gap={3} wrap="nowrap">
              <IconClockHour4 size={13} aria-hidden="true" className={classes.dim} />
              <Text size="xs" c="dimmed">
                {t('board.daysInStage', { count: card.daysInStage })}
              </Text>
            </Group>
            {card.rotting && (
              <Badge size="xs" color="orange" variant="light" leftSection={<IconHourglassLow size={11} />} tt="none">
                {t('board.rotting')}
              </Badge>
            )}
            {card.overdue && (
              <Tooltip label={t('board.overdueSince', { date: formatDate(card.expectedCloseDate) })} withArrow>
                <Badge size="xs" color="red" variant="light" leftSection={<IconAlertTriangle size={11} />} tt="none">
                  {t('board.overdue')}
                </Badge>
              </Tooltip>
            )}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}

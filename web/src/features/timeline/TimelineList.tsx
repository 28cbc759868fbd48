import { Anchor, Text, Timeline, Tooltip } from '@mantine/core';
import {
  type Icon,
  IconArrowMerge,
  IconCalendarEvent,
  IconChecklist,
  IconCurrencyEuro,
  IconFileText,
  IconHistory,
  IconMail,
  IconNote,
  IconPhone,
  IconPlus,
  IconUserShare,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineItem } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { formatRelative } from '../customers/format.ts';
import { ActivityEntry } from './ActivityEntry.tsx';
import { ChangeEntry } from './ChangeEntry.tsx';
import type { ChangeContext } from './changeValues.ts';

const ACTIVITY_ICONS: Record<string, Icon> = { note: IconNote, call: IconPhone, email: IconMail, meeting: IconCalendarEvent };
const ACTION_ICONS: Record<string, Icon> = {
  created: IconPlus,
  merged: IconArrowMerge,
  owner_changed: IconUserShare,
  document_created: IconFileText,
};
const KIND_ICONS: Record<string, Icon> = { deal: IconCurrencyEuro, task: IconChecklist, document: IconFileText };

function iconOf(item: TimelineItem): Icon {
  if (item.kind === 'activity' && item.activity) return ACTIVITY_ICONS[item.activity.type] ?? IconNote;
  if (item.kind === 'change') return ACTION_ICONS[item.action ?? ''] ?? IconHistory;
  return KIND_ICONS[item.kind] ?? IconHistory;
}

function Body({ item, ctx, noun }: { item: TimelineItem; ctx: ChangeContext; noun: string }) {
  const { t } = useTranslation();
  if (item.kind === 'activity' && item.activity) return <ActivityEntry activity={item.activity} userName={item.userName} />;
  if (item.kind === 'change') return <ChangeEntry item={item} ctx={ctx} noun={noun} />;
  if (item.kind === 'deal') {
    return (
      <Text size="sm">
        {t('timeline.dealOpened')}{' '}
        <Anchor component={Link} to={`/deals/${item.refId ?? item.id}`} size="sm" fw={600}>
          {item.title}
        </Anchor>
        {item.userName && (
          <Text span size="sm" c="dimmed">
            {' '}
            — {item.userName}
          </Text>
        )}
      </Text>
    );
  }
  if (item.kind === 'task' && item.refId) {
    return (
      <Text size="sm">
        {t('timeline.task')}{' '}
        <Anchor component={Link} to={`/tasks/${item.refId}`} size="sm" fw={600}>
          {item.title}
        </Anchor>
      </Text>
    );
  }
  return <Text size="sm">{item.title}</Text>;
}

/** The entries of a timeline, newest first, each with an icon by its kind and its moment. */
export function TimelineList({ items, ctx, noun }: { items: TimelineItem[]; ctx: ChangeContext; noun: string }) {
  return (
    <Timeline bulletSize={28} lineWidth={2} active={-1}>
      {items.map((item) => {
        const ItemIcon = iconOf(item);
        return (
          <Timeline.Item
            key={`${item.kind}:${item.id}`}
            bullet={<ItemIcon size={15} stroke={1.8} aria-hidden="true" />}
            data-kind={item.kind}
            data-type={item.activity?.type ?? item.action}
          >
            <Body item={item} ctx={ctx} noun={noun} />
            <Tooltip label={formatDateTime(item.at)} withArrow>
              <Text size="xs" c="dimmed" mt={4} component="time" dateTime={item.at}>
                {formatRelative(item.at)}
              </Text>
            </Tooltip>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

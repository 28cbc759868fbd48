import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';

/** "Anruf · ausgehend · 5 Min. — Max Müller" and the text as written. */
export function ActivityEntry({ activity, userName }: { activity: Activity; userName: string | null }) {
  const { t } = useTranslation();
  const details = [
    t(`timeline.types.${activity.type}`),
    activity.direction ? t(`timeline.direction.${activity.direction}`) : null,
    activity.durationSec
      ? t('timeline.minutes', { value: formatNumber(Math.max(1, Math.round(activity.durationSec / 60))) })
      : null,
  ].filter(Boolean);
  return (
    <>
      <Text size="sm" fw={600}>
        {details.join(' · ')}
        {userName && (
          <Text span size="sm" c="dimmed" fw={400}>
            {' '}
            — {userName}
          </Text>
        )}
      </Text>
      {activity.body && (
        <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {activity.body}
        </Text>
      )}
    </>
  );
}

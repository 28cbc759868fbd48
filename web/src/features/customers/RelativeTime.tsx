import { Text, Tooltip } from '@mantine/core';
import { formatDateTime } from '../../i18n/format.ts';
import { formatRelative } from './format.ts';

/** "vor 3 Tagen", with the exact moment on hover and for machines. */
export function RelativeTime({ value }: { value: string | null | undefined }) {
  if (!value) {
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  }
  return (
    <Tooltip label={formatDateTime(value)} withArrow>
      <Text span size="sm" component="time" dateTime={value} style={{ whiteSpace: 'nowrap' }}>
        {formatRelative(value)}
      </Text>
    </Tooltip>
  );
}

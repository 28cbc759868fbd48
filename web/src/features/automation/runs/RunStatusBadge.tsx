import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RunStatus } from '../../../api/workflows.ts';

export const RUN_STATUS_COLOR: Record<RunStatus, string> = {
  running: 'blue',
  waiting: 'yellow',
  done: 'teal',
  failed: 'red',
  canceled: 'gray',
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={RUN_STATUS_COLOR[status] ?? 'gray'} variant="light" tt="none" data-run-status={status}>
      {t(`automation.runStatus.${status}`)}
    </Badge>
  );
}

import { Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';

interface Props {
  title: string;
  description?: string;
  actions?: ReactNode;
  loading: boolean;
  error: unknown;
  onRetry?: () => void;
  children: ReactNode;
  testId?: string;
}

/** A report or dashboard figure in a card: title, actions, and loading or error states. */
export function ReportCard({ title, description, actions, loading, error, onRetry, children, testId }: Props) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId} style={{ minWidth: 0 }}>
      <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
        <div style={{ minWidth: 0, flex: '1 1 12rem' }}>
          <Title order={2} size="h4">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {actions}
      </Group>
      {error ? <ErrorAlert error={error} onRetry={onRetry} /> : loading ? <LoadingState /> : children}
    </Paper>
  );
}

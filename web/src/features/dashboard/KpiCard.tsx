import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One key figure: a label, the value large, a line of context. */
export function KpiCard({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={{ base: 20, xs: 26 }} fw={700} lh={1.2} mt={4} data-value style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
      {hint && (
        <Text size="sm" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}

import { EmptyState as MantineEmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  icon: ReactNode;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  /** Heading level of the title when the empty state is the page's main content (not-found, no access). */
  titleOrder?: 1 | 2 | 3;
}

export function EmptyState({ icon, title, description, action, titleOrder }: Props) {
  return (
    <MantineEmptyState py="xl" variant="light" icon={icon}>
      <MantineEmptyState.Title order={titleOrder}>{title}</MantineEmptyState.Title>
      {description && <MantineEmptyState.Description>{description}</MantineEmptyState.Description>}
      {action && <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
}

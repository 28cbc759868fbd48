import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router';

interface Props {
  title: string;
  /** The list this record belongs to, for the way back. */
  back: { to: string; label: string };
  /** Company link, owner, tags … */
  meta: ReactNode;
  actions: ReactNode;
}

/** The head of a record's card: breadcrumb back to the list, name, key facts and the actions. */
export function RecordHeader({ title, back, meta, actions }: Props) {
  useEffect(() => {
    document.title = `${title} · Kontor`;
  }, [title]);
  return (
    <Stack gap="xs" mb="lg">
      <Breadcrumbs separator="›" fz="sm">
        <Anchor component={Link} to={back.to} size="sm">
          {back.label}
        </Anchor>
        <Text size="sm" c="dimmed" truncate maw={240}>
          {title}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          <Group gap="md" style={{ rowGap: 4 }}>
            {meta}
          </Group>
        </Stack>
        <Group gap="sm">{actions}</Group>
      </Group>
    </Stack>
  );
}

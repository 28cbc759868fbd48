import { Group, Paper, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { Link } from 'react-router';
import classes from './QuickLink.module.css';

interface Props {
  to: string;
  icon: Icon;
  title: string;
  text: string;
}

/** A card that is one link: title and a line on what it leads to. */
export function QuickLink({ to, icon: LinkIcon, title, text }: Props) {
  return (
    <Paper component={Link} to={to} withBorder radius="md" p="md" className={classes.card}>
      <Group wrap="nowrap" align="flex-start">
        <ThemeIcon size="lg" variant="light" radius="md" aria-hidden="true">
          <LinkIcon size={20} />
        </ThemeIcon>
        <div>
          <Text fw={600}>{title}</Text>
          <Text size="sm" c="dimmed">
            {text}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}

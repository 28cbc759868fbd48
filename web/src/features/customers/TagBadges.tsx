import { Badge, Group } from '@mantine/core';

export function TagBadges({ tags, size = 'sm' }: { tags: string[]; size?: 'xs' | 'sm' | 'md' }) {
  if (tags.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap" component="span">
      {tags.map((tag) => (
        <Badge key={tag} size={size} variant="light" color="grape" tt="none">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}

const PALETTE = [
  'blue',
  'teal',
  'grape',
  'orange',
  'cyan',
  'pink',
  'lime',
  'indigo',
  'yellow',
  'violet',
  'green',
  'red',
] as const;

/** A stable colour per assignee, in the order of their names. */
export function assigneeColors(assignees: { id: string; name: string }[]): Map<string, string> {
  const sorted = [...assignees].sort((a, b) => a.name.localeCompare(b.name));
  return new Map(sorted.map((a, i) => [a.id, PALETTE[i % PALETTE.length] as string]));
}

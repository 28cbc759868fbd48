import { Center, Text, useMantineTheme } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ResponsiveContainer } from 'recharts';

/**
 * A chart that fills the width of its card at a fixed height; it carries a text label for screen readers.
 * With nothing to show it says so instead of drawing empty axes.
 */
export function ChartBox({
  label,
  height = 260,
  empty = false,
  children,
}: {
  label: string;
  height?: number;
  empty?: boolean;
  children: ReactElement;
}) {
  const { t } = useTranslation();
  if (empty)
    return (
      <Center h={Math.min(height, 120)} data-chart-empty={label}>
        <Text size="sm" c="dimmed">
          {t('reports.empty')}
        </Text>
      </Center>
    );
  return (
    <div style={{ width: '100%', height }} role="img" aria-label={label} data-chart={label}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** The chart colours from the Mantine theme, so charts match the rest of the app. */
export function useChartColors() {
  const theme = useMantineTheme();
  const c = theme.colors;
  return {
    primary: c.blue[6] as string,
    light: c.blue[2] as string,
    won: c.teal[6] as string,
    lost: c.red[6] as string,
    warn: c.orange[6] as string,
    target: c.grape[6] as string,
    muted: c.gray[5] as string,
    grid: c.gray[3] as string,
    series: [c.blue[6], c.teal[6], c.orange[5], c.grape[5], c.cyan[6], c.yellow[6]] as string[],
  };
}

export const axisTick = { fontSize: 12 };

/** Legend entries in the text colour (a light series colour would be unreadable as text). */
export const legendProps = {
  wrapperStyle: { fontSize: 12 },
  formatter: (value: unknown) => <span style={{ color: 'var(--mantine-color-text)' }}>{String(value)}</span>,
};

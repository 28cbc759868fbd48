import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../i18n/format.ts';
import { axisTick, ChartBox, useChartColors } from './ChartBox.tsx';

export interface RankedBar {
  key: string;
  label: string;
  value: number;
  /** the bar's colour; default the primary colour */
  color?: string;
}

/**
 * Counts as horizontal bars with the figure at each bar: stage names, buckets or reasons stay readable on a
 * phone, where a vertical chart would have to slant or drop them.
 */
export function RankedBars({
  label,
  name,
  bars,
  labelWidth = 104,
  barHeight = 36,
  empty = bars.every((b) => b.value === 0),
}: {
  /** the chart's accessible name */
  label: string;
  /** what a bar counts (tooltip) */
  name: string;
  bars: RankedBar[];
  labelWidth?: number;
  barHeight?: number;
  empty?: boolean;
}) {
  const colors = useChartColors();
  return (
    <ChartBox label={label} height={40 + Math.max(1, bars.length) * barHeight} empty={empty}>
      <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 36, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} stroke={colors.grid} />
        <XAxis type="number" allowDecimals={false} tick={axisTick} />
        <YAxis type="category" dataKey="label" width={labelWidth} tick={axisTick} interval={0} />
        <Tooltip formatter={(value) => formatNumber(Number(value))} />
        <Bar maxBarSize={48} dataKey="value" name={name} isAnimationActive={false} radius={[0, 4, 4, 0]}>
          {bars.map((b) => (
            <Cell key={b.key} fill={b.color ?? colors.primary} />
          ))}
          <LabelList dataKey="value" position="right" style={{ fontSize: 12 }} />
        </Bar>
      </BarChart>
    </ChartBox>
  );
}

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { Language } from '@rasd/shared';
import { formatNumber } from '../../i18n/format';
import type { ChartDatum } from '../../lib/commander';

export interface ChartProps {
  title: string;
  data: readonly ChartDatum[];
  language: Language;
  /** `bars`: one horizontal bar per category (labels beside them); `columns`: a time series. */
  shape: 'bars' | 'columns';
  color?: string;
  /** Fixed size for print (no resize observer); otherwise the chart fills its card. */
  print?: { width: number };
  testId?: string;
}

const palette = { text: 'var(--chart-text, #a9b4c4)', grid: 'var(--chart-grid, #2a3445)' };

/**
 * A bar chart that reads in the page's direction. The SVG itself is laid out left-to-right (its
 * text anchors assume it), and for Arabic the axes are mirrored: category labels on the right,
 * values growing leftwards, hours running right to left.
 */
export function ChartCard({ title, data, language, shape, color = '#4fb3ff', print, testId }: ChartProps) {
  const { t } = useTranslation();
  const rtl = language === 'ar';
  const fmt = (v: unknown) => (typeof v === 'number' ? formatNumber(v, language) : String(v));
  // Each bar's count is part of its label: text beside the axis stays readable on paper and in both directions.
  const rows = data.map((d) => ({ ...d, tick: shape === 'bars' ? `${d.label} (${fmt(d.value)})` : d.label }));
  const height = shape === 'bars' ? Math.max(120, rows.length * 34 + 40) : 220;
  const labelWidth = shape === 'bars' ? Math.min(230, Math.max(70, ...rows.map((d) => d.tick.length * 8 + 12))) : 0;

  const chart = (width: number | undefined) => (
    <BarChart
      data={rows}
      layout={shape === 'bars' ? 'vertical' : 'horizontal'}
      margin={{ top: 8, bottom: 4, left: 12, right: 12 }}
      {...(width ? { width, height } : {})}
    >
      <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" horizontal={shape === 'columns'} vertical={shape === 'bars'} />
      {shape === 'bars' ? (
        <>
          <XAxis type="number" allowDecimals={false} reversed={rtl} tickFormatter={fmt} tick={{ fill: palette.text, fontSize: 13 }} />
          <YAxis type="category" dataKey="tick" orientation={rtl ? 'right' : 'left'} width={labelWidth} tick={{ fill: palette.text, fontSize: 14 }} interval={0} />
        </>
      ) : (
        <>
          <XAxis type="category" dataKey="label" reversed={rtl} tick={{ fill: palette.text, fontSize: 13 }} interval={0} />
          <YAxis type="number" allowDecimals={false} orientation={rtl ? 'right' : 'left'} width={36} tickFormatter={fmt} tick={{ fill: palette.text, fontSize: 13 }} />
        </>
      )}
      {!print && (
        <Tooltip
          cursor={{ fill: 'rgb(79 179 255 / 0.12)' }}
          formatter={(v) => [fmt(v), t('commander.charts.count')]}
          wrapperStyle={{ direction: rtl ? 'rtl' : 'ltr' }}
          contentStyle={{ background: '#121821', border: '1px solid #2a3445', color: '#eef2f7' }}
        />
      )}
      <Bar dataKey="value" fill={color} isAnimationActive={false} radius={shape === 'bars' ? [3, 3, 3, 3] : [3, 3, 0, 0]} />
    </BarChart>
  );

  return (
    <figure className="chart-card" data-testid={testId}>
      <figcaption className="chart-title">{title}</figcaption>
      {rows.length === 0 || rows.every((d) => d.value === 0) ? (
        <p className="chart-empty">{t('commander.charts.empty')}</p>
      ) : (
        // The SVG's own geometry is left-to-right; the Arabic mirroring is done by the axes above.
        <div className="chart-body" dir="ltr" style={{ height }}>
          {print ? chart(print.width) : <ResponsiveContainer width="100%" height={height}>{chart(undefined)}</ResponsiveContainer>}
        </div>
      )}
    </figure>
  );
}

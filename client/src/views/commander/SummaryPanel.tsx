import { useTranslation } from 'react-i18next';
import type { ShiftSummary } from '@rasd/shared';
import { formatNumber } from '../../i18n/format';
import { formatLocale } from '../../i18n/format';
import { hourLabel, hourSeries, rankTally } from '../../lib/commander';
import { useStore } from '../../store';
import { ResponseTimes } from './ResponseTimes';
import { SummaryCharts } from './SummaryCharts';

/** Headline numbers: what came in, what was done, what passes on. */
export function Kpis({ summary }: { summary: ShiftSummary }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const actions = Object.values(summary.actions.byType).reduce((a, b) => a + b, 0);
  const open = summary.handover.openIncidents;
  const items: [string, number][] = [
    ['total', summary.counts.total],
    ['actions', actions],
    ['open', open.length],
    ['claims', open.filter((i) => i.claimedBy).length],
  ];
  return (
    <dl className="kpis" data-testid="kpis">
      {items.map(([key, n]) => (
        <div key={key} className="kpi" data-testid={`kpi-${key}`} data-value={n}>
          <dt>{t(`commander.kpi.${key}`)}</dt>
          <dd>{formatNumber(n, language)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The top three corridors and hours, as words (the charts show the rest). */
export function Busiest({ summary }: { summary: ShiftSummary }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const corridors = rankTally(summary.counts.byCorridor, 'corridor', language, 3);
  const hours = hourSeries(summary.shift, summary.counts.byHour, (h) => hourLabel(h, formatLocale(language)))
    .filter((h) => h.value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, 3);
  const list = (items: { key: string; label: string; value: number }[], testId: string) =>
    items.length === 0 ? (
      <p className="card-note">{t('commander.busiest.none')}</p>
    ) : (
      <ol className="busiest-list" data-testid={testId}>
        {items.map((d) => (
          <li key={d.key}>
            <bdi>{d.label}</bdi> <span className="num">{formatNumber(d.value, language)}</span>
          </li>
        ))}
      </ol>
    );
  return (
    <section className="commander-card busiest" aria-label={t('commander.busiest.corridors')}>
      <div>
        <h2 className="card-title">{t('commander.busiest.corridors')}</h2>
        {list(corridors, 'busiest-corridors')}
      </div>
      <div>
        <h2 className="card-title">{t('commander.busiest.hours')}</h2>
        {list(hours, 'busiest-hours')}
      </div>
    </section>
  );
}

export function SummaryPanel({ summary }: { summary: ShiftSummary }) {
  const language = useStore((s) => s.language);
  return (
    <div className="summary-panel" data-testid="summary-panel" data-total={summary.counts.total}>
      <Kpis summary={summary} />
      <div className="summary-row">
        <ResponseTimes times={summary.responseTimes} />
        <Busiest summary={summary} />
      </div>
      <SummaryCharts summary={summary} language={language} />
    </div>
  );
}

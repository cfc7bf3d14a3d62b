import { useTranslation } from 'react-i18next';
import type { Language, ShiftSummary } from '@rasd/shared';
import { formatLocale } from '../../i18n/format';
import { hourLabel, hourSeries, rankTally } from '../../lib/commander';
import { ChartCard } from './ChartCard';

/** The shift's charts; `print` gives them fixed widths for the A4 report. */
export function SummaryCharts({ summary, language, print }: { summary: ShiftSummary; language: Language; print?: boolean }) {
  const { t } = useTranslation();
  const { counts, actions } = summary;
  const size = (full: boolean) => (print ? { print: { width: full ? 680 : 330 } } : {});
  return (
    <div className="chart-grid">
      <ChartCard testId="chart-hour" title={t('commander.charts.byHour')} data={hourSeries(summary.shift, counts.byHour, (h) => hourLabel(h, formatLocale(language)))} language={language} shape="columns" {...size(true)} />
      <ChartCard testId="chart-corridor" title={t('commander.charts.byCorridor')} data={rankTally(counts.byCorridor, 'corridor', language, 8)} language={language} shape="bars" color="#30d158" {...size(false)} />
      <ChartCard testId="chart-kind" title={t('commander.charts.byKind')} data={rankTally(counts.byKind, 'kind', language)} language={language} shape="bars" color="#ff9f0a" {...size(false)} />
      <ChartCard testId="chart-source" title={t('commander.charts.bySource')} data={rankTally(counts.bySource, 'source', language)} language={language} shape="bars" color="#64d2ff" {...size(false)} />
      <ChartCard testId="chart-status" title={t('commander.charts.byStatus')} data={rankTally(counts.byStatus, 'status', language)} language={language} shape="bars" color="#bf5af2" {...size(false)} />
      <ChartCard testId="chart-action-type" title={t('commander.charts.actionsByType')} data={rankTally(actions.byType, 'action', language)} language={language} shape="bars" color="#ff453a" {...size(false)} />
      <ChartCard testId="chart-action-track" title={t('commander.charts.actionsByTrack')} data={rankTally(actions.byTrack, 'track', language)} language={language} shape="bars" color="#ffd60a" {...size(false)} />
    </div>
  );
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchShiftReport } from '../../api/commander';
import { useStore } from '../../store';
import { formatDateTime, IncidentTable } from './IncidentTable';
import { ResponseTimes } from './ResponseTimes';
import { shiftTitle } from './ShiftBar';
import { Busiest, Kpis } from './SummaryPanel';
import { SummaryCharts } from './SummaryCharts';
import { useShiftData } from './use-shift';

/**
 * The printable shift report (A4, black on white, the page's language and direction). It is a
 * record of a moment, so it is not live: printing again fetches a fresh copy with a new anchor.
 */
export function ShiftReportView({ at }: { at: string | null }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const { data: report, error } = useShiftData(at, fetchShiftReport, { live: false });

  useEffect(() => {
    // The dark control-room theme is for screens in a dim room; paper gets its own.
    document.documentElement.classList.add('print-report');
    return () => document.documentElement.classList.remove('print-report');
  }, []);
  useEffect(() => {
    if (report) document.title = `${t('commander.report.title')} — ${report.summary.shift.label}`;
  }, [report, t]);

  if (!report) return <p className="panel-message">{error ? t('commander.loadFailed') : t('commander.loading')}</p>;
  const { summary, handover, auditAnchor } = report;
  return (
    <article className="report" data-testid="shift-report" data-ready="true" data-shift-start={summary.shift.start}>
      <div className="report-toolbar no-print">
        <a className="button" href="/commander">
          {t('commander.report.back')}
        </a>
        <button type="button" className="button button--primary" onClick={() => window.print()} data-testid="report-print">
          {t('commander.report.print')}
        </button>
      </div>
      <header className="report-head">
        <p className="report-directorate">{t('commander.report.directorate')}</p>
        <h1 className="report-title">
          {t('commander.report.title')}: {shiftTitle(summary.shift, language)}
        </h1>
        <p className="report-meta">
          <bdi dir="ltr">{summary.shift.label}</bdi> · {t('commander.report.generatedAt', { time: formatDateTime(report.generatedAt, language) })}
        </p>
      </header>

      <Kpis summary={summary} />
      <div className="report-row">
        <ResponseTimes times={summary.responseTimes} />
        <Busiest summary={summary} />
      </div>
      <SummaryCharts summary={summary} language={language} print />

      <section className="report-section report-handover">
        <h2 className="card-title">
          {t('commander.handover.title')} — {t(`commander.handover.status.${handover.status}`)}
        </h2>
        {handover.submittedBy && handover.submittedAt && <p>{t('commander.handover.submittedBy', { name: handover.submittedBy.username, time: formatDateTime(handover.submittedAt, language) })}</p>}
        {handover.acknowledgedBy && handover.acknowledgedAt && <p>{t('commander.handover.acknowledgedBy', { name: handover.acknowledgedBy.username, time: formatDateTime(handover.acknowledgedAt, language) })}</p>}
        <h3 className="section-title">{t('commander.handover.notes')}</h3>
        <p className="report-notes" dir="auto" data-testid="report-notes">
          {handover.notes || '—'}
        </p>
        <h3 className="section-title">{t('commander.handover.open')}</h3>
        {handover.openIncidents.length ? <IncidentTable rows={handover.openIncidents} testId="report-open" /> : <p>{t('commander.handover.none')}</p>}
      </section>

      <section className="report-section report-anchor" data-testid="report-anchor">
        <h2 className="card-title">{t('commander.report.anchor')}</h2>
        {auditAnchor ? (
          <dl className="facts">
            <div>
              <dt>{t('commander.report.anchorEntry')}</dt>
              <dd>
                <bdi dir="ltr">
                  #{auditAnchor.id} · {auditAnchor.at}
                </bdi>
              </dd>
            </div>
            <div className="anchor-hash">
              <dt>{t('commander.report.anchorHash')}</dt>
              <dd>
                <code dir="ltr" data-testid="report-anchor-hash">
                  {auditAnchor.hash}
                </code>
              </dd>
            </div>
          </dl>
        ) : (
          <p>{t('commander.report.anchorNone')}</p>
        )}
        <p className="card-note">{t('commander.report.anchorHelp')}</p>
      </section>
      <footer className="report-signature">
        <span>{t('commander.report.signature')}</span>
        <span className="signature-line" />
      </footer>
    </article>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchShiftSummary } from '../../api/commander';
import { useStore } from '../../store';
import { Header } from '../Header';
import { TabList } from '../TabList';
import { useLiveConnection } from '../use-live-connection';
import { HandoverPanel } from './HandoverPanel';
import { HistoryPanel } from './HistoryPanel';
import { PressPanel } from './PressPanel';
import { ShiftBar } from './ShiftBar';
import { SummaryPanel } from './SummaryPanel';
import { useShiftData } from './use-shift';

type Tab = 'summary' | 'handover' | 'history' | 'press';

/** The commander's page: a chosen shift's summary (live for the current one), handover, history, press statement. */
export function CommanderView() {
  const { t } = useTranslation();
  const role = useStore((s) => s.user?.role);
  // null: the current shift, following the clock.
  const [at, setAt] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('summary');
  const summary = useShiftData(at, fetchShiftSummary);

  // The same live connection as the desk: its incident:upsert stream drives the live refresh.
  useLiveConnection();

  if (role !== 'commander' && role !== 'admin') {
    return (
      <div className="screen-center">
        <p className="form-error" role="alert">
          {t('commander.errors.forbidden')} — <a href="/">{t('nav.desk')}</a>
        </p>
      </div>
    );
  }
  const tabs: Tab[] = role === 'commander' ? ['summary', 'handover', 'history', 'press'] : ['summary', 'handover', 'history'];
  const shift = summary.data?.shift ?? null;
  const reportHref = `/commander/report${shift ? `?at=${encodeURIComponent(shift.start)}` : ''}`;
  return (
    <div className="commander">
      <Header />
      <main className="commander-body" data-testid="commander-page">
        <ShiftBar shift={shift} onChoose={setAt} />
        <TabList ids={tabs} current={tab} onChoose={setTab} label={t('commander.title')} labelOf={(id) => t(`commander.tabs.${id}`)} prefix="tab-" panelId="commander-tabpanel">
          <div className="header-spacer" />
          <a className="button" href={reportHref} target="_blank" rel="noopener" data-testid="print-report">
            {t('commander.print')}
          </a>
        </TabList>
        <div id="commander-tabpanel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="commander-tabpanel">
          {tab === 'summary' &&
            (summary.data ? (
              <SummaryPanel summary={summary.data} />
            ) : (
              <p className="panel-message" role="status">
                {summary.error ? t('commander.loadFailed') : t('commander.loading')}
              </p>
            ))}
          {/* Keyed by shift, so switching shifts never shows one shift's notes or text under another. */}
          {tab === 'handover' && <HandoverPanel key={shift?.start ?? 'now'} at={shift?.start ?? at} />}
          {tab === 'history' && <HistoryPanel />}
          {tab === 'press' && role === 'commander' && <PressPanel key={shift?.start ?? 'now'} at={shift?.start ?? at} />}
        </div>
      </main>
    </div>
  );
}

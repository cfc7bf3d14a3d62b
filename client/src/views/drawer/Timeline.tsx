import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '@rasd/shared';
import { formatIncidentTime } from '../../i18n/format';
import { describeHistory } from '../../lib/timeline';
import { useStore } from '../../store';

/** The incident's history as stored (who did what, when, in Cairo time), newest last as it happened. */
export function Timeline({ history }: { history: readonly HistoryEntry[] | null }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  if (history === null) return null;
  return (
    <section className="drawer-section" aria-labelledby="timeline-title">
      <h3 id="timeline-title" className="section-title">{t('timeline.title')}</h3>
      <ol className="timeline" data-testid="timeline">
        {history.map((entry) => {
          const line = describeHistory(entry, language);
          return (
            <li key={entry.seq} className={'timeline-item timeline-item--' + entry.type} data-testid="timeline-item" data-type={entry.type}>
              <time className="timeline-time" dateTime={entry.at}>{formatIncidentTime(entry.at, language)}</time>
              <span className="timeline-text">{t('timeline.' + line.key, line.params)}</span>
              <bdi className="timeline-actor">{entry.actor ?? t('timeline.system')}</bdi>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

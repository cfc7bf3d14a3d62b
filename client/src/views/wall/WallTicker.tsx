import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { kindLabels, sourceLabels } from '@rasd/shared';
import { formatIncidentTime } from '../../i18n/format';
import { newestAlerts } from '../../lib/counters';
import { corridorName } from '../../lib/incidents';
import { useStore } from '../../store';
import { useIncidents } from '../use-incidents';

/** Rows that fit a 1080p wall at the wall's type size. */
const rows = 7;

/**
 * The newest alerts, one row per incident at its latest alert. Derived from the store rather than
 * kept as its own list, so it is right after a catch-up and cannot grow.
 */
export function WallTicker() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const incidents = useIncidents();
  const newest = useMemo(() => newestAlerts(incidents, rows), [incidents]);
  return (
    <section className="wall-ticker" aria-labelledby="wall-ticker-title">
      <h2 id="wall-ticker-title" className="wall-section-title">{t('wall.ticker')}</h2>
      {newest.length === 0 && <p className="wall-empty">{t('incidents.empty')}</p>}
      <ol className="wall-ticker-list" data-testid="wall-ticker">
        {newest.map((incident) => (
          <li key={incident.id} className={`wall-ticker-item kind-${incident.kind}`} data-incident-id={incident.id}>
            <time className="wall-ticker-time" dateTime={incident.lastSeenAt}>{formatIncidentTime(incident.lastSeenAt, language)}</time>
            <span className="wall-ticker-kind">{kindLabels[incident.kind][language]}</span>
            <span className="wall-ticker-where">
              {corridorName(incident.corridorId, language) ?? t('incidents.noCorridor')} · {sourceLabels[incident.source][language]}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

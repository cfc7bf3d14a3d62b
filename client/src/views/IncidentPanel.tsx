import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { activeFilterCount, matchesFilters } from '../lib/filters';
import { activeNewestFirst } from '../lib/incidents';
import { socialQueue, type SocialOrder } from '../lib/social-queue';
import { useStore } from '../store';
import { IncidentList } from './IncidentList';
import { KeyboardHelp } from './KeyboardHelp';
import { QueueControls, type QueueView } from './QueueControls';
import { useIncidents } from './use-incidents';

/**
 * Cards drawn at once. An officer works the top of the queue; thousands of live cards (each with
 * ticking timers) would make the whole desk stutter, so the rest come a page at a time on request.
 */
export const queuePage = 100;

export function IncidentPanel() {
  const { t } = useTranslation();
  const incidents = useIncidents();
  const loaded = useStore((s) => s.lastSeq !== null);
  const language = useStore((s) => s.language);
  const filters = useStore((s) => s.filters);
  // The panel's own choice: the map and the alarm banner keep showing every incident.
  const [view, setView] = useState<QueueView>('all');
  const [order, setOrder] = useState<SocialOrder>('viral');
  const social = view === 'social';
  const all = useMemo(() => activeNewestFirst(incidents), [incidents]);
  const queue = useMemo(() => (social ? socialQueue(all, order) : all), [all, social, order]);
  // The alarm banner lists critical incidents whatever the filters; the queue follows them.
  const active = useMemo(() => (activeFilterCount(filters) ? queue.filter((i) => matchesFilters(i, filters)) : queue), [queue, filters]);
  const hidden = queue.length - active.length;
  const [limit, setLimit] = useState(queuePage);
  const shown = useMemo(() => (active.length > limit ? active.slice(0, limit) : active), [active, limit]);

  return (
    <aside className="incident-panel" aria-labelledby="incident-panel-title">
      <h2 id="incident-panel-title" className="panel-title">
        {t(social ? 'queue.socialTitle' : 'incidents.title')}
        {loaded && <span className="panel-count" data-testid="incident-count">{formatNumber(active.length, language)}</span>}
      </h2>
      <QueueControls view={view} order={order} onView={setView} onOrder={setOrder} />
      <KeyboardHelp />
      {!loaded && (
        <p className="panel-message" role="status" data-testid="incident-loading">
          {t('incidents.loading')}
        </p>
      )}
      {loaded && active.length === 0 && (
        <p className="panel-message" data-testid="incident-empty">
          {t(social ? 'queue.socialEmpty' : 'incidents.empty')}
        </p>
      )}
      {hidden > 0 && (
        <p className="panel-message panel-message--filtered" data-testid="incident-filtered">
          {t('filters.hidden', { n: formatNumber(hidden, language) })}
        </p>
      )}
      <IncidentList incidents={shown} social={social} label={t(social ? `queue.listLabel.${order}` : 'incidents.listLabel')} />
      {shown.length < active.length && (
        <div className="queue-more" data-testid="queue-more">
          <span>{t('queue.showing', { shown: formatNumber(shown.length, language), total: formatNumber(active.length, language) })}</span>
          <button type="button" className="button" onClick={() => setLimit((n) => n + queuePage)}>
            {t('queue.showMore', { n: formatNumber(Math.min(queuePage, active.length - shown.length), language) })}
          </button>
        </div>
      )}
    </aside>
  );
}

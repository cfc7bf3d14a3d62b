import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { activeFilterCount, matchesFilters } from '../lib/filters';
import { activeNewestFirst } from '../lib/incidents';
import { useStore } from '../store';
import { IncidentList } from './IncidentList';
import { KeyboardHelp } from './KeyboardHelp';

export function IncidentPanel() {
  const { t } = useTranslation();
  const incidents = useStore((s) => s.incidents);
  const loaded = useStore((s) => s.lastSeq !== null);
  const language = useStore((s) => s.language);
  const filters = useStore((s) => s.filters);
  const all = useMemo(() => activeNewestFirst(incidents), [incidents]);
  // The alarm banner lists critical incidents whatever the filters; the queue follows them.
  const active = useMemo(() => (activeFilterCount(filters) ? all.filter((i) => matchesFilters(i, filters)) : all), [all, filters]);
  const hidden = all.length - active.length;

  return (
    <aside className="incident-panel" aria-labelledby="incident-panel-title">
      <h2 id="incident-panel-title" className="panel-title">
        {t('incidents.title')}
        {loaded && <span className="panel-count" data-testid="incident-count">{formatNumber(active.length, language)}</span>}
      </h2>
      <KeyboardHelp />
      {!loaded && (
        <p className="panel-message" role="status" data-testid="incident-loading">
          {t('incidents.loading')}
        </p>
      )}
      {loaded && active.length === 0 && (
        <p className="panel-message" data-testid="incident-empty">
          {t('incidents.empty')}
        </p>
      )}
      {hidden > 0 && (
        <p className="panel-message panel-message--filtered" data-testid="incident-filtered">
          {t('filters.hidden', { n: formatNumber(hidden, language) })}
        </p>
      )}
      <IncidentList incidents={active} />
    </aside>
  );
}

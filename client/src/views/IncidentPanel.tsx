import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { activeNewestFirst } from '../lib/incidents';
import { useStore } from '../store';
import { IncidentList } from './IncidentList';
import { KeyboardHelp } from './KeyboardHelp';

export function IncidentPanel() {
  const { t } = useTranslation();
  const incidents = useStore((s) => s.incidents);
  const loaded = useStore((s) => s.lastSeq !== null);
  const language = useStore((s) => s.language);
  const active = useMemo(() => activeNewestFirst(incidents), [incidents]);

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
      <IncidentList incidents={active} />
    </aside>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatElapsed, formatNumber } from '../../i18n/format';
import { liveCounts } from '../../lib/counters';
import { useStore } from '../../store';
import { useWallStats } from './use-wall-stats';
import { useIncidents } from '../use-incidents';

function Counter({ id, label, value, tone, unit }: { id: string; label: string; value: string; tone?: string; unit?: string }) {
  return (
    <div className={'wall-counter' + (tone ? ' wall-counter--' + tone : '')} data-testid={'wall-counter-' + id}>
      <span className="wall-counter-value">{value}</span>
      {unit && <span className="wall-counter-unit">{unit}</span>}
      <span className="wall-counter-label">{label}</span>
    </div>
  );
}

/**
 * The shift in five numbers. Open, unclaimed and critical come from the live store (every active
 * incident is there by the sync rules), so they change with the stream; actioned and the median
 * claim time come from the server (`/api/v1/wall/stats`), which knows the shift's finished work.
 */
export function WallCounters() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const incidents = useIncidents();
  const loaded = useStore((s) => s.lastSeq !== null);
  const counts = useMemo(() => liveCounts(incidents), [incidents]);
  const { stats, stale } = useWallStats();
  const n = (value: number) => (loaded ? formatNumber(value, language) : '—');
  const median = stats?.alertToClaimMs.p50;

  return (
    <section className={'wall-counters' + (stale ? ' wall-counters--stale' : '')} aria-label={t('wall.counters')}>
      <Counter id="open" label={t('wall.open')} value={n(counts.open)} />
      <Counter id="unclaimed" label={t('wall.unclaimed')} value={n(counts.unclaimed)} tone={counts.unclaimed > 0 ? 'warn' : undefined} />
      <Counter id="critical" label={t('wall.critical')} value={n(counts.critical)} tone={counts.alarming > 0 ? 'alarm' : counts.critical > 0 ? 'danger' : undefined} />
      <Counter id="actioned" label={t('wall.actioned')} value={stats ? formatNumber(stats.actioned, language) : '—'} tone="ok" />
      <Counter
        id="median"
        label={t('wall.medianClaim')}
        value={median === null || median === undefined ? '—' : formatElapsed(median, language)}
        unit={median === null || median === undefined ? undefined : t('wall.minSec')}
      />
    </section>
  );
}

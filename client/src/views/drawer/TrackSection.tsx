import { useTranslation } from 'react-i18next';
import { trackPositionAt, type Track } from '@rasd/shared';
import { formatElapsed, formatIncidentTime, formatNumber } from '../../i18n/format';
import { secondsUntil } from '../../lib/track';
import { useStore } from '../../store';
import { useNow } from './use-now';

/** A wrong-way track in the drawer: speed, the cameras that saw it, and the next ones with arrival times. */
export function TrackSection({ track }: { track: Track }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const now = useNow(1000);
  const lost = trackPositionAt(track, now).lost;
  return (
    <section className="drawer-section track" aria-label={t('track.title')} data-testid="track-section" data-lost={lost}>
      <h3 className="section-title">{t('track.title')}</h3>
      <p className="track-speed" data-testid="track-speed">
        {t('track.speed', { n: formatNumber(track.speedKmh, language) })} · {t('track.seenBy', { count: track.path.length, n: formatNumber(track.path.length, language) })}
      </p>
      <ol className="track-path" aria-label={t('track.path')}>
        {track.path.map((o) => (
          <li key={o.cameraId + o.observedAt} data-testid="track-path-item" data-camera-id={o.cameraId}>
            <bdi>{o.cameraId}</bdi> · {formatIncidentTime(o.observedAt, language)}
            {o.plate && <> · <bdi className="plate">{o.plate}</bdi></>}
          </li>
        ))}
      </ol>
      {track.missedCameraIds.length > 0 && <p className="muted">{t('track.missed', { ids: track.missedCameraIds.join('، ') })}</p>}
      {lost ? (
        <p className="track-lost" role="status" data-testid="track-lost">{t('track.lost')}</p>
      ) : (
        <>
          <h4 className="track-subtitle">{t('track.next')}</h4>
          <ul className="track-next">
            {track.nextCameras.map((c) => {
              const s = secondsUntil(c.eta, now);
              return (
                <li key={c.cameraId} data-testid="track-next-camera" data-camera-id={c.cameraId}>
                  <bdi>{c.cameraId}</bdi> · {formatIncidentTime(c.eta, language)} · {s > 0 ? t('track.in', { t: formatElapsed(s * 1000, language) }) : t('track.due')}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

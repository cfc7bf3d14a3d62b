import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatElapsed, formatIncidentTime } from '../../i18n/format';
import { useStore } from '../../store';
import { useClock } from '../use-clock';

/**
 * Across the room, a small status dot is not enough: when the live link drops, the wall says so
 * in a full-width banner, with how long it has been out, until it is back and caught up.
 */
export function ReconnectBanner() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const connection = useStore((s) => s.connection);
  const everConnected = useStore((s) => s.everConnected);
  const [lostAt, setLostAt] = useState<number | null>(null);
  const now = useClock();

  useEffect(() => {
    if (connection === 'connected') setLostAt(null);
    else setLostAt((at) => at ?? Date.now());
  }, [connection]);

  if (connection === 'connected') return null;
  const text = !everConnected ? t('connection.connecting') : connection === 'offline' ? t('wall.offline') : t('wall.reconnecting');
  return (
    <div className={'wall-banner wall-banner--' + connection} role="alert" data-testid="wall-reconnecting" data-state={connection}>
      <span className="wall-banner-text">{text}</span>
      {everConnected && lostAt !== null && (
        <span className="wall-banner-detail">
          {t('wall.lostSince', { time: formatIncidentTime(new Date(lostAt).toISOString(), language) })}
          {/* Its own pill: next to the clock time, another run of Arabic-Indic digits would read as one number. */}
          <bdi className="wall-banner-elapsed" dir="ltr" data-testid="wall-reconnecting-elapsed">{formatElapsed(now - lostAt, language)}</bdi>
        </span>
      )}
    </div>
  );
}

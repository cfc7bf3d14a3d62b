import { useTranslation } from 'react-i18next';
import { kindLabels, sourceLabels } from '@rasd/shared';
import { formatElapsed, formatNumber } from '../../i18n/format';
import { corridorName } from '../../lib/incidents';
import { useStore } from '../../store';
import { useAlarming, useSoundStatus } from '../alarm/alarm-driver';
import { useClock } from '../use-clock';

const shown = 4;

/** Critical incidents nobody has claimed, flashing, longest-waiting first; escalated ones ringed. */
export function WallAlarms() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const alarming = useAlarming();
  const sound = useSoundStatus();
  const now = useClock();
  const state = alarming.length > 0 ? 'on' : 'off';

  return (
    <section className={'wall-alarms wall-alarms--' + state} data-testid="wall-alarm" data-state={state} data-sound={sound} data-count={alarming.length} aria-labelledby="wall-alarm-title">
      <h2 id="wall-alarm-title" className="wall-section-title">
        {alarming.length > 0 ? t('alarm.title', { count: alarming.length, n: formatNumber(alarming.length, language) }) : t('wall.noAlarm')}
      </h2>
      <ul className="wall-alarm-list">
        {alarming.slice(0, shown).map((incident) => (
          <li
            key={incident.id}
            className={'wall-alarm-item' + (incident.escalatedAt ? ' wall-alarm-item--escalated' : '')}
            data-testid="wall-alarm-item"
            data-incident-id={incident.id}
            data-escalated={incident.escalatedAt ? 'true' : 'false'}
          >
            <span className="wall-alarm-kind">{kindLabels[incident.kind][language]}</span>
            <span className="wall-alarm-where">
              {corridorName(incident.corridorId, language) ?? t('incidents.noCorridor')} · {sourceLabels[incident.source][language]}
            </span>
            <span className="wall-alarm-elapsed" dir="ltr">{formatElapsed(now - Date.parse(incident.firstSeenAt), language)}</span>
            {incident.escalatedAt && <span className="wall-badge-escalated">{t('drawer.escalated')}</span>}
          </li>
        ))}
      </ul>
      {alarming.length > shown && <p className="wall-more">{t('alarm.more', { n: formatNumber(alarming.length - shown, language) })}</p>}
      {sound === 'blocked' && <p className="wall-sound-blocked">{t('alarm.blockedWall')}</p>}
    </section>
  );
}

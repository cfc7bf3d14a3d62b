import { useTranslation } from 'react-i18next';
import { kindLabels } from '@rasd/shared';
import { formatElapsed, formatNumber } from '../../i18n/format';
import { alarmState } from '../../lib/alarm';
import { corridorName } from '../../lib/incidents';
import { useStore } from '../../store';
import { useClock } from '../use-clock';
import { useAlarming, useSoundStatus } from './alarm-driver';

/** Most alarms listed by name; the rest are counted, so the banner never pushes the desk off screen. */
const shown = 4;

/**
 * The desk's alarm: every critical incident nobody has claimed, flashing until someone does.
 * "Silence" stops this desk's sound only; the banner, the flashing card and the marker stay.
 */
export function AlarmBanner() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const acks = useStore((s) => s.alarmAcks);
  const alarming = useAlarming();
  const sound = useSoundStatus();
  const now = useClock();
  if (alarming.length === 0) return null;
  const state = alarmState(alarming.map((i) => i.id), acks);

  return (
    <section className={'alarm-banner alarm-banner--' + state} data-testid="alarm-banner" data-state={state} data-sound={sound} aria-labelledby="alarm-title">
      <h2 id="alarm-title" className="alarm-title" aria-live="assertive">
        <span aria-hidden="true">⚠</span> {t('alarm.title', { count: alarming.length, n: formatNumber(alarming.length, language) })}
      </h2>
      <ul className="alarm-list">
        {alarming.slice(0, shown).map((incident) => (
          <li key={incident.id}>
            <button
              type="button"
              className={'alarm-item' + (incident.escalatedAt ? ' alarm-item--escalated' : '')}
              data-testid="alarm-item"
              data-incident-id={incident.id}
              onClick={() => useStore.getState().openIncident(incident.id, true)}
            >
              <strong>{kindLabels[incident.kind][language]}</strong>
              <span>{corridorName(incident.corridorId, language) ?? t('incidents.noCorridor')}</span>
              {incident.escalatedAt && <span className="badge badge--escalated">{t('drawer.escalated')}</span>}
              <span className="alarm-elapsed" dir="ltr">{formatElapsed(now - Date.parse(incident.firstSeenAt), language)}</span>
            </button>
          </li>
        ))}
        {alarming.length > shown && <li className="alarm-more">{t('alarm.more', { n: formatNumber(alarming.length - shown, language) })}</li>}
      </ul>
      <div className="alarm-sound">
        {state === 'sounding' ? (
          <button type="button" className="button alarm-ack" data-testid="alarm-ack" onClick={() => useStore.getState().acknowledgeAlarms(alarming.map((i) => i.id))}>
            {t('alarm.silence')}
          </button>
        ) : (
          <span className="alarm-silenced" data-testid="alarm-silenced">{t('alarm.silenced')}</span>
        )}
        {sound === 'blocked' && <span className="alarm-blocked">{t('alarm.blocked')}</span>}
      </div>
    </section>
  );
}

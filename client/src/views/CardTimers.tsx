import { useTranslation } from 'react-i18next';
import type { Incident } from '@rasd/shared';
import { formatElapsed } from '../i18n/format';
import { isActive } from '../lib/incidents';
import { useStore } from '../store';
import { useClock } from './use-clock';

/** Unclaimed this long, the timer turns amber (the server's default escalation delay). */
const lateMs = 60_000;

/** The queue card's SLA timers: since the first alert and since the claim, on the shared clock. */
export function CardTimers({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const now = useClock();
  if (!isActive(incident)) return null;
  const sinceFirst = now - Date.parse(incident.firstSeenAt);
  const claimedAt = incident.claimedBy ? Date.parse(incident.claimedBy.at) : null;
  const late = claimedAt === null && sinceFirst > lateMs;
  return (
    <div className="incident-row card-timers" data-testid="card-timers">
      <span className={'card-timer' + (late ? ' card-timer--late' : '')}>
        {t('drawer.sla.sinceFirstAlert')} <bdi dir="ltr" data-testid="card-timer-first">{formatElapsed(sinceFirst, language)}</bdi>
      </span>
      <span className="card-timer">
        {claimedAt === null ? (
          t('drawer.sla.notClaimed')
        ) : (
          <>
            {t('drawer.sla.sinceClaim')} <bdi dir="ltr" data-testid="card-timer-claim">{formatElapsed(now - claimedAt, language)}</bdi>
          </>
        )}
      </span>
    </div>
  );
}

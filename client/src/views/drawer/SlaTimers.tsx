import { useTranslation } from 'react-i18next';
import type { Incident } from '@rasd/shared';
import { formatElapsed } from '../../i18n/format';
import { useStore } from '../../store';
import { useNow } from './use-now';

/** Unclaimed this long, the timer turns amber: the server's default escalation delay (60 s). */
const unclaimedWarnMs = 60_000;
const finished = new Set(['closed', 'merged', 'rejected']);

/** Running response timers: since the first alert, and since the claim (or how long it has waited). */
export function SlaTimers({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const now = useNow();
  if (finished.has(incident.status)) return null;
  const sinceFirst = now - Date.parse(incident.firstSeenAt);
  const claimedAt = incident.claimedBy ? Date.parse(incident.claimedBy.at) : null;
  const waiting = claimedAt === null && sinceFirst > unclaimedWarnMs;
  return (
    <dl className="sla" aria-label={t('drawer.sla.title')}>
      <div className={'sla-item' + (waiting ? ' sla-item--late' : '')}>
        <dt>{t('drawer.sla.sinceFirstAlert')}</dt>
        <dd data-testid="sla-first-alert" dir="ltr">{formatElapsed(sinceFirst, language)}</dd>
      </div>
      <div className="sla-item">
        <dt>{t('drawer.sla.sinceClaim')}</dt>
        <dd data-testid="sla-claim" className={claimedAt === null ? 'sla-none' : undefined} dir={claimedAt === null ? undefined : 'ltr'}>
          {claimedAt === null ? t('drawer.sla.notClaimed') : formatElapsed(now - claimedAt, language)}
        </dd>
      </div>
    </dl>
  );
}

import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

const none: readonly string[] = [];

/** "Monitored by": who else has this incident open right now, so two desks do not work it twice. */
export function PresenceChips({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const watchers = useStore((s) => s.watchers[incidentId] ?? none);
  const me = useStore((s) => s.user?.username);
  const others = watchers.filter((name) => name !== me);
  return (
    <div className="presence" data-testid="presence" data-watchers={watchers.join(',')}>
      <span className="presence-label">{t('drawer.presence.label')}</span>
      {others.length === 0 && <span className="presence-empty">{t('drawer.presence.nobody')}</span>}
      <ul className="chips">
        {others.map((name) => (
          <li key={name} className="chip" dir="auto">
            {name}
          </li>
        ))}
      </ul>
    </div>
  );
}

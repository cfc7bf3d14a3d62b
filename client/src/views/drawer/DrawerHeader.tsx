import { useTranslation } from 'react-i18next';
import { kindLabels, severityLabels, sourceLabels, statusLabels, type Incident } from '@rasd/shared';
import { corridorName } from '../../lib/incidents';
import { useStore } from '../../store';
import { PresenceChips } from './PresenceChips';
import { SlaTimers } from './SlaTimers';

export function DrawerHeader({ incident, titleId }: { incident: Incident; titleId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const corridor = corridorName(incident.corridorId, language) ?? t('incidents.noCorridor');
  return (
    <header className={'drawer-header kind-' + incident.kind}>
      <div className="drawer-title-row">
        <h2 id={titleId} className="drawer-title" tabIndex={-1}>
          {kindLabels[incident.kind][language]}
        </h2>
        <button
          type="button"
          className="button button--quiet drawer-close"
          data-testid="drawer-close"
          aria-label={t('drawer.close')}
          title={t('drawer.close')}
          onClick={() => useStore.getState().closeDrawer()}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div className="drawer-badges">
        <span className={'badge badge--' + incident.severity}>{severityLabels[incident.severity][language]}</span>
        <span className={'status status--' + incident.status} data-testid="drawer-status" data-status={incident.status}>
          {statusLabels[incident.status][language]}
        </span>
        <span className="drawer-source">{sourceLabels[incident.source][language]}</span>
        {incident.escalatedAt && <span className="badge badge--escalated">{t('drawer.escalated')}</span>}
      </div>
      <p className="drawer-corridor">{corridor}</p>
      {incident.plate && (
        <p className="drawer-plate">
          {t('incidents.plate')}: <bdi className="plate">{incident.plate}</bdi>
        </p>
      )}
      <SlaTimers incident={incident} />
      <PresenceChips incidentId={incident.id} />
    </header>
  );
}

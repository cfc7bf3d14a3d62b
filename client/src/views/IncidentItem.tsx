import { memo, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { kindLabels, severityLabels, sourceLabels, statusLabels, type Incident } from '@rasd/shared';
import { formatIncidentTime, formatNumber } from '../i18n/format';
import { isAlarming } from '../lib/alarm';
import { corridorName } from '../lib/incidents';
import { useStore } from '../store';
import { CardTimers } from './CardTimers';
import { SocialPostSummary } from './SocialPostSummary';

/**
 * One incident in the queue. In the social queue it also shows its post, whose link may not sit
 * inside a listbox option (an option's content is not interactive), so there it is a feed article.
 */
export const IncidentItem = memo(function IncidentItem({ incident, tabStop, social }: { incident: Incident; tabStop: boolean; social: boolean }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const selected = useStore((s) => s.selectedId === incident.id);
  const flashCount = useStore((s) => (s.flash?.incidentId === incident.id ? s.flash.count : 0));
  const node = useRef<HTMLElement | null>(null);
  // A callback ref, because the element is an <li> or an <article>.
  const ref = useCallback((element: HTMLElement | null) => {
    node.current = element;
  }, []);

  useEffect(() => {
    // A marker click selects without the list's help; keep the chosen row in sight.
    if (selected) node.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  // Keys are handled by the list (IncidentList), which owns the queue's shortcuts.
  const choose = () => useStore.getState().openIncident(incident.id, true);
  const corridor = corridorName(incident.corridorId, language) ?? t('incidents.noCorridor');
  const Item = social ? 'article' : 'li';

  return (
    <Item
      ref={ref}
      className={`incident-item kind-${incident.kind} severity-${incident.severity}${isAlarming(incident) ? ' incident-item--alarm' : ''}${incident.escalatedAt ? ' incident-item--escalated' : ''}`}
      data-testid="incident-item"
      data-incident-id={incident.id}
      data-severity={incident.severity}
      data-status={incident.status}
      data-alarm={isAlarming(incident) ? 'true' : undefined}
      data-escalated={incident.escalatedAt ? 'true' : undefined}
      role={social ? undefined : 'option'}
      aria-selected={social ? undefined : selected}
      aria-current={social && selected ? 'true' : undefined}
      tabIndex={tabStop ? 0 : -1}
      onClick={choose}
    >
      {flashCount > 0 && <span key={flashCount} className="incident-flash" aria-hidden="true" />}
      <div className="incident-row">
        <span className="incident-kind">{kindLabels[incident.kind][language]}</span>
        <span className="incident-badges">
          {incident.escalatedAt && <span className="badge badge--escalated">{t('drawer.escalated')}</span>}
          <span className={'badge badge--' + incident.severity}>{severityLabels[incident.severity][language]}</span>
        </span>
      </div>
      <div className="incident-row incident-corridor">{corridor}</div>
      <div className="incident-row incident-meta">
        <span className={'status status--' + incident.status}>{statusLabels[incident.status][language]}</span>
        <span>{sourceLabels[incident.source][language]}</span>
        <time dateTime={incident.lastSeenAt}>{formatIncidentTime(incident.lastSeenAt, language)}</time>
      </div>
      <div className="incident-row incident-meta">
        <span className="incident-plate" dir="auto">
          {incident.plate ?? t('incidents.noPlate')}
        </span>
        {incident.speedKmh !== null && (
          <span>{t('incidents.speed', { n: formatNumber(Math.round(incident.speedKmh), language) })}</span>
        )}
        <span>{t('incidents.alerts', { count: incident.alertCount, n: formatNumber(incident.alertCount, language) })}</span>
      </div>
      {/* Tabbing from the chosen article reaches its link; the other articles' links wait their turn. */}
      {social && <SocialPostSummary incident={incident} linkTabIndex={tabStop ? 0 : -1} />}
      <CardTimers incident={incident} />
    </Item>
  );
});

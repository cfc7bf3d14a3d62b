import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '@rasd/shared';
import { IncidentItem } from './IncidentItem';

/** Arrow keys move focus along the list; Home/End jump to its ends. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-testid="incident-item"]'));
  const index = items.indexOf(document.activeElement as HTMLElement);
  const target =
    event.key === 'ArrowDown' ? items[index + 1]
    : event.key === 'ArrowUp' ? items[index - 1]
    : event.key === 'Home' ? items[0]
    : event.key === 'End' ? items[items.length - 1]
    : undefined;
  if (target) {
    event.preventDefault();
    target.focus();
  }
}

export function IncidentList({ incidents }: { incidents: readonly Incident[] }) {
  const { t } = useTranslation();
  return (
    <ul className="incident-list" data-testid="incident-list" role="listbox" aria-label={t('incidents.listLabel')} onKeyDown={moveFocus}>
      {incidents.map((incident) => (
        <IncidentItem key={incident.id} incident={incident} />
      ))}
    </ul>
  );
}

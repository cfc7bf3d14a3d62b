import type { KeyboardEvent } from 'react';
import type { Incident } from '@rasd/shared';
import { runShortcut } from '../commands/shortcuts';
import { useStore } from '../store';
import { IncidentItem } from './IncidentItem';
import { moveIndex, queueKey } from './queue-keys';

const itemSelector = '[data-testid="incident-item"]';

/** Arrows/Home/End move focus and selection; Enter opens the drawer; c claims; a opens the action form. */
function onQueueKey(event: KeyboardEvent<HTMLElement>) {
  const command = queueKey(event);
  const item = (event.target as HTMLElement).closest<HTMLElement>(itemSelector);
  // Keys on a link inside an item (the social queue's media link) are the link's own.
  if (!command || !item || event.target !== item) return;
  event.preventDefault();
  if (command.type === 'move') {
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(itemSelector));
    const target = items[moveIndex(items.indexOf(item), items.length, command.to) ?? -1];
    if (!target) return;
    target.focus();
    // No pan while stepping through the queue: the map would jump on every key press.
    useStore.getState().select(target.dataset['incidentId'] ?? null);
    return;
  }
  const id = item.dataset['incidentId'];
  if (id) runShortcut(command.type, id);
}

/**
 * The queue: a listbox of incidents, or for the social queue a feed of articles (each carries a
 * link to its post), with the same keys either way.
 */
export function IncidentList({ incidents, social, label }: { incidents: readonly Incident[]; social: boolean; label: string }) {
  const selectedId = useStore((s) => s.selectedId);
  // Roving tab stop: Tab enters the queue once, on the selection (or the first item), and
  // leaves it on the next Tab, towards the drawer.
  const tabStop = incidents.some((i) => i.id === selectedId) ? selectedId : incidents[0]?.id;
  const items = incidents.map((incident) => <IncidentItem key={incident.id} incident={incident} tabStop={incident.id === tabStop} social={social} />);
  return social ? (
    <div className="incident-list" data-testid="social-queue" role="feed" aria-label={label} onKeyDown={onQueueKey}>
      {items}
    </div>
  ) : (
    <ul className="incident-list" data-testid="incident-list" role="listbox" aria-label={label} onKeyDown={onQueueKey}>
      {items}
    </ul>
  );
}

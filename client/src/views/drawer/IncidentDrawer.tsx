import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { runShortcut } from '../../commands/shortcuts';
import { allowedCommands } from '../../lib/allowed-commands';
import { useStore } from '../../store';
import { isTextEntry, queueKey } from '../queue-keys';
import { ActionsSection } from './ActionsSection';
import { AlertList } from './AlertList';
import { ClaimControls } from './ClaimControls';
import { errorKey } from './error-key';
import { DrawerHeader } from './DrawerHeader';
import { Timeline } from './Timeline';
import { DispatchSection } from './DispatchSection';
import { TrackSection } from './TrackSection';
import { useIncidentDetail } from './use-incident-detail';
import { VerificationNote, VerifyPanel } from './VerifyPanel';

/** Escape anywhere closes the drawer (a form's own Escape marks the event handled first). */
function useEscapeToClose(drawer: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const state = useStore.getState();
      const focusInside = drawer.current?.contains(document.activeElement) ?? false;
      state.closeDrawer();
      // Give focus back to the queue so the next arrow key works; left alone it would fall to <body>.
      if (focusInside || document.activeElement === document.body) {
        document.querySelector<HTMLElement>(`[data-testid="incident-item"][data-incident-id="${CSS.escape(state.selectedId ?? '')}"]`)?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [drawer]);
}

/** `c` and `a` also work inside the drawer, except while typing in a field. */
function onDrawerKey(event: KeyboardEvent<HTMLElement>, incidentId: string) {
  if (isTextEntry(event.target)) return;
  const command = queueKey(event);
  if (command?.type !== 'claim' && command?.type !== 'action') return;
  event.preventDefault();
  runShortcut(command.type, incidentId);
}

function DrawerBody({ id }: { id: string }) {
  const { t } = useTranslation();
  const stored = useStore((s) => s.incidents[id]);
  const user = useStore((s) => s.user);
  const ref = useRef<HTMLElement>(null);
  const { detail, error } = useIncidentDetail(id, stored?.seq);
  useEscapeToClose(ref);
  // The store follows live upserts; the detail answer covers an incident the store never had.
  const incident = stored && (!detail || stored.seq >= detail.incident.seq) ? stored : detail?.incident;
  const titleId = 'drawer-title';
  const allowed = incident ? allowedCommands(incident, user) : null;

  return (
    <aside
      ref={ref}
      className="drawer"
      data-testid="incident-drawer"
      data-incident-id={id}
      aria-labelledby={incident ? titleId : undefined}
      aria-label={incident ? undefined : t('drawer.label')}
      onKeyDown={(e) => onDrawerKey(e, id)}
    >
      {!incident && (
        <p className="panel-message" role="status">
          {error ? t(errorKey(error)) : t('drawer.loading')}
        </p>
      )}
      {incident && allowed && (
        <>
          <DrawerHeader incident={incident} titleId={titleId} />
          <div className="drawer-scroll">
            <ClaimControls incident={incident} allowed={allowed} />
            {incident.track && <TrackSection track={incident.track} />}
            <DispatchSection incident={incident} />
            <VerificationNote incident={incident} />
            {allowed.verify && <VerifyPanel incident={incident} />}
            <ActionsSection incident={incident} allowed={allowed} />
            <AlertList alerts={detail?.alerts ?? null} />
            <Timeline history={detail?.history ?? null} />
            {error && detail && <p className="muted" role="status">{t('drawer.stale')}</p>}
          </div>
        </>
      )}
    </aside>
  );
}

/** The open incident: header, claim controls, verification, legal actions, alerts and timeline. */
export function IncidentDrawer() {
  const drawerId = useStore((s) => s.drawerId);
  // Keyed by id: timers, forms and fetches start fresh for each incident.
  return drawerId ? <DrawerBody key={drawerId} id={drawerId} /> : null;
}

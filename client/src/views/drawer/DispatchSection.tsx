import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitStatusLabels, type DispatchProposal, type Incident, type UnitProposal } from '@rasd/shared';
import { dispatchUnits, fetchDispatchProposal } from '../../api/units';
import { applyCommand } from '../../commands/incident-commands';
import { formatElapsed, formatNumber } from '../../i18n/format';
import { canDispatch } from '../../lib/dispatch';
import { useStore } from '../../store';
import { errorKey } from './error-key';

const refreshMs = 15_000;

function ProposalItem({ p, first, checked, onToggle }: { p: UnitProposal; first: boolean; checked: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const n = (x: number) => formatNumber(x, language);
  return (
    <li className={'proposal' + (first ? ' proposal--best' : '')} data-testid="proposal-item" data-unit-id={p.unitId} data-call-sign={p.callSign}>
      <label className="proposal-choice">
        <input type="checkbox" checked={checked} onChange={onToggle} data-testid="proposal-check" />
        <span className="proposal-callsign"><bdi>{p.callSign}</bdi></span>
        {first && <span className="badge badge--proposed">{t('dispatch.proposed')}</span>}
      </label>
      <span className="proposal-travel">{t('dispatch.travel', { km: n(p.travelKm), eta: formatElapsed(p.etaS * 1000, language) })}</span>
      {p.intercept ? (
        <span className="proposal-intercept" data-testid="proposal-intercept" data-margin-s={p.intercept.marginS}>
          {p.intercept.nearestCameraId
            ? t('dispatch.intercept', { camera: p.intercept.nearestCameraId, margin: n(p.intercept.marginS) })
            : t('dispatch.interceptNoCamera', { margin: n(p.intercept.marginS) })}
        </span>
      ) : (
        p.intercept === null && <span className="muted">{t('dispatch.noIntercept')}</span>
      )}
    </li>
  );
}

function useProposal(incident: Incident, enabled: boolean) {
  const [proposal, setProposal] = useState<DispatchProposal | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const load = () =>
      fetchDispatchProposal(incident.id)
        .then((p) => !cancelled && (setProposal(p), setFailed(false)))
        .catch(() => !cancelled && setFailed(true));
    void load();
    // Units and the vehicle keep moving: the ranking is refreshed while the drawer is open.
    const timer = setInterval(load, refreshMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [incident.id, incident.seq, enabled]);
  return { proposal, failed };
}

/** The units sent to an incident (live status), and for dispatchers the proposal and the assign button. */
export function DispatchSection({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const user = useStore((s) => s.user);
  const units = useStore((s) => s.units);
  const language = useStore((s) => s.language);
  const allowed = canDispatch(incident, user);
  const { proposal, failed } = useProposal(incident, allowed);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const proposed = proposal?.units ?? [];
  // Until the dispatcher picks, the best-ranked unit is selected.
  const selected = (chosen ?? proposed.slice(0, 1).map((p) => p.unitId)).filter((id) => proposed.some((p) => p.unitId === id));

  useEffect(() => {
    const best = proposed.find((p) => p.intercept);
    useStore.getState().showIntercept(best?.intercept ? { incidentId: incident.id, location: best.intercept.location, callSign: best.callSign, marginS: best.intercept.marginS } : null);
  }, [proposal, incident.id]);
  useEffect(() => () => useStore.getState().showIntercept(null), []);

  async function assign() {
    setBusy(true);
    setError(null);
    const result = await applyCommand(() => dispatchUnits(incident.id, selected));
    setBusy(false);
    if (result.ok) setChosen(null);
    else setError(errorKey(result.error.code));
  }

  const toggle = (id: string) => setChosen(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  const assigned = incident.assignedUnits ?? [];
  return (
    <section className="drawer-section dispatch" aria-label={t('dispatch.title')} data-testid="dispatch-section">
      <h3 className="section-title">{t('dispatch.title')}</h3>
      <h4 className="track-subtitle">{t('dispatch.assigned')}</h4>
      {assigned.length === 0 && <p className="muted">{t('dispatch.noneAssigned')}</p>}
      <ul className="assigned-units">
        {assigned.map((a) => {
          const live = units[a.unitId];
          return (
            <li key={a.unitId} data-testid="assigned-unit" data-unit-id={a.unitId} data-status={live?.status ?? ''}>
              <bdi>{a.callSign}</bdi>
              {live && <span className={'unit-status unit-status--' + live.status}>{unitStatusLabels[live.status][language]}</span>}
            </li>
          );
        })}
      </ul>
      {allowed && (
        <>
          {!proposal && !failed && <p className="muted" role="status">{t('dispatch.loading')}</p>}
          {failed && <p className="form-error">{t('dispatch.failed')}</p>}
          {proposal && proposed.length === 0 && <p className="muted">{t('dispatch.none')}</p>}
          <ul className="proposals">
            {proposed.map((p, i) => (
              <ProposalItem key={p.unitId} p={p} first={i === 0} checked={selected.includes(p.unitId)} onToggle={() => toggle(p.unitId)} />
            ))}
          </ul>
          {proposed.length > 0 && (
            <button type="button" className="button button--primary" data-testid="dispatch-assign" disabled={busy || selected.length === 0} onClick={() => void assign()}>
              {busy ? t('dispatch.assigning') : t('dispatch.assign')}
            </button>
          )}
          {error && <p className="form-error" role="alert" data-testid="dispatch-error">{t(error)}</p>}
        </>
      )}
    </section>
  );
}

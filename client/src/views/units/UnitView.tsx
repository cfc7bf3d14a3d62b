import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kindLabels, trackPositionAt, unitStatusLabels, type UnitStatus } from '@rasd/shared';
import { ApiError } from '../../api/http';
import { fetchMyAssignment, reportAsUnit, type UnitAssignmentView } from '../../api/units';
import { applyLanguage } from '../../i18n';
import { formatIncidentTime, formatNumber } from '../../i18n/format';
import { corridorName } from '../../lib/incidents';
import { useStore } from '../../store';
import { watchUnit } from '../../transport/unit-push';
import { LanguageToggle } from '../LanguageToggle';
import { useClock } from '../use-clock';
import { errorKey } from '../drawer/error-key';
import { UnitMiniMap } from './UnitMiniMap';
import { useDevicePosition } from './use-device-position';

const keyStorage = 'rasd.unitKey';
/** How often the tablet asks for its view: often when the push channel is down, rarely as a safety net when it is up. */
const pollMs = { live: 30_000, offline: 3_000 };

function KeyForm({ onKey, error }: { onKey: (key: string) => void; error: string | null }) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (key.trim()) onKey(key.trim());
  };
  return (
    <form className="login-card" onSubmit={submit}>
      <h1 className="login-title">{t('unitView.title')}</h1>
      <label className="field">
        <span className="field-label">{t('unitView.key')}</span>
        <input name="unitKey" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
      </label>
      {error && <p className="form-error" role="alert" data-testid="unit-key-error">{t(error)}</p>}
      <button type="submit" className="button button--primary">{t('unitView.start')}</button>
    </form>
  );
}

/** `/unit`: a patrol unit's tablet, signed in with the unit's key: its assignment and three big buttons. */
export function UnitView() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const [key, setKey] = useState<string | null>(() => localStorage.getItem(keyStorage));
  const [view, setView] = useState<UnitAssignmentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [live, setLive] = useState(false);
  // The vehicle's estimated position moves between sightings.
  const now = useClock();
  useEffect(() => applyLanguage(language), [language]);

  const refresh = useCallback(async () => {
    if (!key) return;
    try {
      setView(await fetchMyAssignment(key));
      setError(null);
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'generic';
      if (code === 'unauthorized') {
        localStorage.removeItem(keyStorage);
        setKey(null);
        setError('unitView.invalidKey');
      } else setError(errorKey(code));
    }
  }, [key]);

  useEffect(() => void refresh(), [refresh]);
  // A change of pace only: the channel coming up already made the tablet fetch its view.
  useEffect(() => {
    const timer = setInterval(() => void refresh(), live ? pollMs.live : pollMs.offline);
    return () => clearInterval(timer);
  }, [refresh, live]);
  useEffect(() => (key ? watchUnit(key, () => void refresh(), setLive) : undefined), [key, refresh]);
  useDevicePosition(key);

  async function report(status: UnitStatus) {
    if (!key) return;
    setBusy(true);
    try {
      await reportAsUnit(key, { status });
      await refresh();
    } catch (e) {
      setError(errorKey(e instanceof ApiError ? e.code : 'generic'));
    } finally {
      setBusy(false);
    }
  }

  const start = (k: string) => {
    localStorage.setItem(keyStorage, k);
    setKey(k);
  };
  if (!key || !view) {
    return (
      <div className="login-screen unit-view">
        <div className="login-topbar"><LanguageToggle /></div>
        {key && !error ? <p className="loading-text">{t('app.loading')}</p> : <KeyForm onKey={start} error={error} />}
      </div>
    );
  }
  const { unit, incident, intercept } = view;
  const here = incident?.track ? trackPositionAt(incident.track, now) : null;
  const button = (status: UnitStatus, label: string) => (
    <button type="button" className={'button unit-action' + (unit.status === status ? ' unit-action--current' : '')} data-testid={`unit-${status}`} disabled={busy || !incident} onClick={() => void report(status)}>
      {label}
    </button>
  );
  return (
    <div className="unit-view unit-view--signed-in" data-testid="unit-view" data-status={unit.status} data-live={live ? 'yes' : 'no'}>
      <header className="unit-header">
        <h1 className="unit-title"><bdi>{unit.callSign}</bdi></h1>
        <span className={'unit-status unit-status--' + unit.status} data-testid="unit-status">{unitStatusLabels[unit.status][language]}</span>
        <div className="header-spacer" />
        <LanguageToggle />
        <button type="button" className="button button--quiet" onClick={() => (localStorage.removeItem(keyStorage), setKey(null), setView(null))}>{t('unitView.change')}</button>
      </header>
      {!incident ? (
        <p className="unit-idle" data-testid="unit-no-assignment">{t('unitView.noAssignment')}</p>
      ) : (
        <section className="unit-assignment" data-testid="unit-assignment" data-incident-id={incident.id}>
          <h2>{t('unitView.assignment')}: {kindLabels[incident.kind][language]}</h2>
          <p className="unit-where">
            {t('unitView.location')}: {corridorName(incident.corridorId, language) ?? t('incidents.noCorridor')}
            {incident.plate && <> · <bdi className="plate">{incident.plate}</bdi></>}
            {incident.speedKmh !== null && <> · {t('incidents.speed', { n: formatNumber(incident.speedKmh, language) })}</>}
          </p>
          {incident.track?.nextCameras[0] && !here?.lost && (
            <p className="unit-where">{t('unitView.vehicle')} <bdi>{incident.track.nextCameras[0].cameraId}</bdi> · {formatIncidentTime(incident.track.nextCameras[0].eta, language)}</p>
          )}
          {intercept && (
            <p className="unit-intercept" data-testid="unit-intercept">
              {t('unitView.intercept', { camera: intercept.nearestCameraId ?? '—', time: formatIncidentTime(intercept.vehicleEta, language), margin: formatNumber(intercept.marginS, language) })}
            </p>
          )}
          <UnitMiniMap unit={unit} incident={incident} intercept={intercept ?? null} />
          <div className="unit-actions">
            {button('en_route', t('unitView.enRoute'))}
            {button('on_scene', t('unitView.onScene'))}
            {button('available', t('unitView.done'))}
          </div>
        </section>
      )}
      {error && <p className="form-error" role="alert">{t(error)}</p>}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vehicleClassLabels, type Alert, type Language } from '@rasd/shared';
import { formatIncidentTime, formatNumber, formatPercent } from '../../i18n/format';
import { safeHttpUrl } from '../../lib/safe-url';
import { MediaLink } from '../MediaLink';

type CameraAlert = Extract<Alert, { source: 'camera' }>;
type SocialAlert = Extract<Alert, { source: 'social' }>;

/** A camera snapshot; hidden when it cannot load (the room's network may not reach the camera). */
function Thumbnail({ src, alt }: { src: string; alt: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) return null;
  return <img className="alert-thumb" src={src} alt={alt} loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(true)} />;
}

export function CameraAlertItem({ alert, language }: { alert: CameraAlert; language: Language }) {
  const { t } = useTranslation();
  const snapshot = safeHttpUrl(alert.media?.snapshotUrl);
  const clip = safeHttpUrl(alert.media?.clipUrl);
  return (
    <li className="alert-item" data-testid="alert-item" data-source="camera">
      {snapshot && <Thumbnail src={snapshot} alt={t('alerts.thumbnailAlt', { id: alert.cameraId })} />}
      <div className="alert-body">
        <div className="alert-head">
          <bdi className="alert-camera">{t('alerts.camera', { id: alert.cameraId })}</bdi>
          <time dateTime={alert.observedAt}>{formatIncidentTime(alert.observedAt, language)}</time>
        </div>
        <div className="alert-meta">
          {alert.plate && <bdi className="plate">{alert.plate}</bdi>}
          {alert.vehicleClass && <span>{vehicleClassLabels[alert.vehicleClass][language]}</span>}
          {alert.speedKmh !== undefined && <span>{t('incidents.speed', { n: formatNumber(Math.round(alert.speedKmh), language) })}</span>}
          {alert.confidence !== undefined && <span>{t('alerts.confidence', { n: formatPercent(alert.confidence, language) })}</span>}
        </div>
        {(snapshot || clip) && (
          <div className="alert-media">
            {snapshot && <MediaLink href={snapshot} label={t('alerts.snapshot')} />}
            {clip && <MediaLink href={clip} label={t('alerts.clip')} />}
          </div>
        )}
      </div>
    </li>
  );
}

/** A citizen's post: its text is untrusted and shown only as text, its links only if http(s). */
export function SocialAlertItem({ alert, language }: { alert: SocialAlert; language: Language }) {
  const { t } = useTranslation();
  const post = safeHttpUrl(alert.postUrl);
  const media = (alert.mediaUrls ?? []).map(safeHttpUrl).filter((u): u is string => u !== null);
  return (
    <li className="alert-item" data-testid="alert-item" data-source="social">
      <div className="alert-body">
        <div className="alert-head">
          <span className="alert-camera">
            {t('alerts.platform.' + alert.platform)}
            {alert.author && <> · <bdi>{alert.author}</bdi></>}
          </span>
          <time dateTime={alert.postedAt}>{formatIncidentTime(alert.postedAt, language)}</time>
        </div>
        <p className="alert-text" dir="auto">{alert.text}</p>
        <div className="alert-media">
          {post && <MediaLink href={post} label={t('alerts.post')} />}
          {media.map((url, i) => (
            <MediaLink key={url} href={url} label={t('alerts.media', { n: formatNumber(i + 1, language) })} />
          ))}
        </div>
      </div>
    </li>
  );
}

type CapAlert = Extract<Alert, { source: 'cap' }>;

/** A CAP 1.2 alert from another agency: its headline (or event), sender and area, as text. */
export function CapAlertItem({ alert, language }: { alert: CapAlert; language: Language }) {
  const { t } = useTranslation();
  return (
    <li className="alert-item" data-testid="alert-item" data-source="cap">
      <div className="alert-body">
        <div className="alert-head">
          <span className="alert-camera">
            {t('alerts.cap')} · <bdi>{alert.cap.sender}</bdi>
          </span>
          <time dateTime={alert.cap.sent}>{formatIncidentTime(alert.cap.sent, language)}</time>
        </div>
        <p className="alert-text" dir="auto">{alert.cap.headline ?? alert.cap.event}</p>
        {alert.cap.areaDesc && <div className="alert-meta"><bdi>{alert.cap.areaDesc}</bdi></div>}
      </div>
    </li>
  );
}

/** A source this client does not know yet: at least when it came and from whom. */
export function OtherAlertItem({ alert, language }: { alert: { source: string; sender: string; receivedAt: string }; language: Language }) {
  return (
    <li className="alert-item" data-testid="alert-item" data-source={alert.source}>
      <div className="alert-body">
        <div className="alert-head">
          <bdi className="alert-camera">{alert.source} · {alert.sender}</bdi>
          <time dateTime={alert.receivedAt}>{formatIncidentTime(alert.receivedAt, language)}</time>
        </div>
      </div>
    </li>
  );
}

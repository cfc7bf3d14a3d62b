import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { kindLabels } from '@rasd/shared';
import { corridorName } from '../lib/incidents';
import { useStore } from '../store';
import type { Toast } from '../store/alarm-slice';

/** Long enough to be read from the next desk; the incident stays highlighted after the toast goes. */
const toastMs = 20_000;

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const incident = useStore((s) => s.incidents[toast.incidentId]);
  useEffect(() => {
    const timer = setTimeout(() => useStore.getState().dismissToast(toast.id), toastMs);
    return () => clearTimeout(timer);
  }, [toast.id]);
  const where = incident ? (corridorName(incident.corridorId, language) ?? t('incidents.noCorridor')) : '';
  return (
    <li className="toast toast--escalated" data-testid="toast" data-kind={toast.kind} data-incident-id={toast.incidentId}>
      <p className="toast-text">
        <strong>{t('toast.escalated')}</strong> {incident ? `${kindLabels[incident.kind][language]} · ${where}` : ''}
      </p>
      <div className="toast-buttons">
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            useStore.getState().openIncident(toast.incidentId, true);
            useStore.getState().dismissToast(toast.id);
          }}
        >
          {t('toast.open')}
        </button>
        <button type="button" className="button button--small button--quiet" aria-label={t('toast.dismiss')} title={t('toast.dismiss')} onClick={() => useStore.getState().dismissToast(toast.id)}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
    </li>
  );
}

/** Notices for commanders (escalations), in the corner; announced politely to screen readers. */
export function Toasts() {
  const { t } = useTranslation();
  const toasts = useStore((s) => s.toasts);
  return (
    <ul className="toasts" aria-live="polite" aria-label={t('toast.region')} data-testid="toasts">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </ul>
  );
}

import { CircleMarker, Tooltip } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { useStore } from '../../store';

/** Where the proposed unit can get ahead of the open incident's wrong-way vehicle. */
export function InterceptMarks() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const intercept = useStore((s) => (s.proposedIntercept?.incidentId === s.drawerId ? s.proposedIntercept : null));
  if (!intercept) return null;
  return (
    <CircleMarker
      center={[intercept.location.lat, intercept.location.lon]}
      radius={12}
      className="intercept-mark"
      pathOptions={{ color: '#30d158', weight: 4, fillColor: '#30d158', fillOpacity: 0.25, dashArray: '4 4' }}
      interactive={false}
    >
      <Tooltip permanent direction="bottom" offset={[0, 12]}>
        <bdi>{intercept.callSign}</bdi> · {t('dispatch.interceptNoCamera', { margin: formatNumber(intercept.marginS, language) })}
      </Tooltip>
    </CircleMarker>
  );
}

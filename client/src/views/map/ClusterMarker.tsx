import { useMemo } from 'react';
import { divIcon } from 'leaflet';
import { Marker, useMap } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import type { MapPoint } from '../../lib/clusters';
import { useStore } from '../../store';

type Cluster = Extract<MapPoint, { type: 'cluster' }>;

/** Size grows with the count, in three steps, so a big cluster reads as big from across the room. */
function sizeOf(count: number): number {
  return count < 10 ? 36 : count < 100 ? 44 : 54;
}

/**
 * A group of nearby incidents: a disc with the count in the page's digits, coloured by its most
 * severe member. Clicking (or Enter, Leaflet markers are keyboard-focusable) zooms in until it splits.
 */
export function ClusterMarker({ cluster, interactive }: { cluster: Cluster; interactive: boolean }) {
  const map = useMap();
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  useStore((s) => s.numerals); // re-render the count when the digits setting changes
  const count = formatNumber(cluster.count, language);
  // The wall (not interactive) is read from across the room: half as large again.
  const size = sizeOf(cluster.count) * (interactive ? 1 : 1.5);
  const label = t('map.cluster', { count: cluster.count, n: count });
  // An element with textContent rather than an HTML string: nothing here is ever parsed as markup.
  const icon = useMemo(() => {
    const text = document.createElement('span');
    text.className = 'cluster-count';
    text.textContent = count;
    return divIcon({ className: `cluster-marker cluster-marker--${cluster.worst}${interactive ? '' : ' cluster-marker--wall'}`, html: text, iconSize: [size, size] });
  }, [cluster.worst, count, size, interactive]);
  return (
    <Marker
      position={[cluster.lat, cluster.lon]}
      icon={icon}
      title={label}
      alt={label}
      keyboard={interactive}
      interactive={interactive}
      eventHandlers={interactive ? { click: () => map.flyTo([cluster.lat, cluster.lon], cluster.expansionZoom, { duration: 0.5 }) } : {}}
    />
  );
}

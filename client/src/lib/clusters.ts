import Supercluster from 'supercluster';
import type { Incident, Severity } from '@rasd/shared';

const severityRank: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
export const severityByRank: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

interface PointProps {
  id: string;
  rank: number;
}
interface ClusterProps {
  rank: number;
}

export type ClusterIndex = Supercluster<PointProps, ClusterProps>;

export type MapPoint =
  | { type: 'cluster'; clusterId: number; lat: number; lon: number; count: number; worst: Severity; expansionZoom: number }
  | { type: 'incident'; incident: Incident };

/** Pixel radius within which incidents merge: about a thumb on the desk's map. */
const clusterRadiusPx = 48;
/** From this zoom on, every incident is drawn on its own (street level). */
const clusterMaxZoom = 15;

/** A clustering index over the incidents; each cluster remembers its most severe member. */
export function buildClusterIndex(incidents: readonly Incident[]): ClusterIndex {
  const index: ClusterIndex = new Supercluster<PointProps, ClusterProps>({
    radius: clusterRadiusPx,
    maxZoom: clusterMaxZoom,
    map: (props) => ({ rank: props.rank }),
    reduce: (into, props) => {
      into.rank = Math.max(into.rank, props.rank);
    },
  });
  index.load(
    incidents.map((incident) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [incident.location.lon, incident.location.lat] },
      properties: { id: incident.id, rank: severityRank[incident.severity] },
    })),
  );
  return index;
}

/** What to draw in the view `[west, south, east, north]` at `zoom`: clusters and single incidents. */
export function pointsInView(index: ClusterIndex, byId: ReadonlyMap<string, Incident>, bbox: [number, number, number, number], zoom: number): MapPoint[] {
  const out: MapPoint[] = [];
  for (const feature of index.getClusters(bbox, Math.round(zoom))) {
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    const props = feature.properties;
    if ('cluster' in props && props.cluster) {
      out.push({
        type: 'cluster',
        clusterId: props.cluster_id,
        lat,
        lon,
        count: props.point_count,
        worst: severityByRank[props.rank] ?? 'low',
        expansionZoom: Math.min(index.getClusterExpansionZoom(props.cluster_id), clusterMaxZoom + 1),
      });
    } else {
      const incident = byId.get((props as PointProps).id);
      if (incident) out.push({ type: 'incident', incident });
    }
  }
  return out;
}

/**
 * Incidents that must never disappear into a cluster: critical ones (the alarm is about them) and
 * the one the officer selected.
 */
export function neverClustered(incident: Incident, selectedId: string | null): boolean {
  return incident.severity === 'critical' || incident.id === selectedId;
}

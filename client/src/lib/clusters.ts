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
  | { type: 'cluster'; key: string; lat: number; lon: number; count: number; worst: Severity; expansionZoom: number }
  | { type: 'incident'; incident: Incident };

/** Pixel radius within which incidents merge: about a thumb on the desk's map. */
const clusterRadiusPx = 48;
/** From this zoom on, every incident is drawn on its own (street level). */
const clusterMaxZoom = 15;

/** A clustering index over the incidents; each cluster remembers its most severe member. */
export function buildClusterIndex(incidents: readonly Incident[]): ClusterIndex {
  const index: ClusterIndex = new Supercluster<PointProps, ClusterProps>({
    radius: clusterRadiusPx,
    // Leaflet's tiles are 256 px: with supercluster's default 512 the radius would be half as many screen pixels.
    extent: 256,
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

/** An index with the incidents it was asked for (it holds only their ids, places and severities). */
export interface IndexedIncidents {
  index: ClusterIndex;
  incidents: readonly Incident[];
}

/** Same incidents, in the same order, at the same places with the same severities: all the index reads. */
function samePlacement(a: readonly Incident[], b: readonly Incident[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    return x === y || (x.id === y.id && x.severity === y.severity && x.location.lat === y.location.lat && x.location.lon === y.location.lon);
  });
}

/**
 * The clustering index for `incidents`, reusing the previous one when only what it does not read
 * changed: most live changes are claims, actions and escalations, and rebuilding over thousands of
 * incidents on each of them cost the desk a long frame.
 */
export function clusterIndexFor(previous: IndexedIncidents | null, incidents: readonly Incident[]): IndexedIncidents {
  const index = previous && samePlacement(previous.incidents, incidents) ? previous.index : buildClusterIndex(incidents);
  return { index, incidents };
}

/**
 * A cluster's identity across rebuilds of the index. Supercluster's own ids change whenever any
 * point is added, which would make the map tear down and redraw every cluster on each live change;
 * the position (to about 10 m) changes only for the clusters that gained or lost members.
 */
function clusterKey(lat: number, lon: number, taken: Set<string>): string {
  const base = `c${lat.toFixed(4)},${lon.toFixed(4)}`;
  let key = base;
  for (let n = 1; taken.has(key); n++) key = `${base}#${n}`;
  taken.add(key);
  return key;
}

/** What to draw in the view `[west, south, east, north]` at `zoom`: clusters and single incidents. */
export function pointsInView(index: ClusterIndex, byId: ReadonlyMap<string, Incident>, bbox: [number, number, number, number], zoom: number): MapPoint[] {
  const out: MapPoint[] = [];
  const keys = new Set<string>();
  for (const feature of index.getClusters(bbox, Math.round(zoom))) {
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    const props = feature.properties;
    if ('cluster' in props && props.cluster) {
      out.push({
        type: 'cluster',
        key: clusterKey(lat, lon, keys),
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
 * At most this many critical incidents are drawn on their own; beyond that (a mass event, or a
 * backlog) the oldest join clusters, which still show red for a critical member.
 */
export const maxPinnedCritical = 100;

/**
 * Splits what the map shows into incidents drawn on their own, on top (the selected one and the
 * newest critical ones: the alarm is about them), and those that may merge into clusters.
 * `oldestFirst` keeps its order in both parts.
 */
export function splitPinned(oldestFirst: readonly Incident[], selectedId: string | null, maxCritical = maxPinnedCritical) {
  let criticalLeft = maxCritical;
  const pinnedIds = new Set<string>();
  for (let i = oldestFirst.length - 1; i >= 0; i--) {
    const incident = oldestFirst[i]!;
    if (incident.id === selectedId || (incident.severity === 'critical' && criticalLeft-- > 0)) pinnedIds.add(incident.id);
  }
  return {
    pinned: oldestFirst.filter((i) => pinnedIds.has(i.id)),
    clustered: oldestFirst.filter((i) => !pinnedIds.has(i.id)),
  };
}

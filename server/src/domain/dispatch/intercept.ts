import { trackPositionAt, type GeoPoint, type Intercept, type Track, type Unit, type UnitKind, type UnitProposal } from '@rasd/shared';
import { snap, straightKm, travelFrom, type NetPoint, type RoadNetwork } from '../network/road-network';

/** Planning speeds of patrol units on the corridors with lights and siren, km/h. */
export const cruiseKmh: Record<UnitKind, number> = { car: 80, motorcycle: 70 };
/** Off the corridors (a station, a side street) the way is longer than the straight line. */
const detourFactor = 1.4;
/** Lead a unit needs at the intercept point to stop, position and warn oncoming traffic. */
export const setupMarginS = 30;

export interface DispatchTarget {
  /** Where a unit goes when there is nothing to intercept: the incident, or the vehicle's position now. */
  location: GeoPoint;
  corridorId: string | null;
  /** A live wrong-way track to get ahead of. */
  track?: Track;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The unit's way onto the network and the travel distances from there. */
function reach(network: RoadNetwork, position: GeoPoint) {
  const start = snap(network, position);
  const access = start.offKm * detourFactor;
  const travel = travelFrom(network, start);
  return (to: NetPoint) => access + travel(to);
}

/**
 * The first point ahead of the vehicle that the unit reaches at least `setupMarginS` before it,
 * walking the predicted positions outwards from the vehicle; null when the unit cannot get ahead
 * before the prediction ends (or the track has lapsed).
 */
export function interceptFor(
  track: Track,
  unitKind: UnitKind,
  travelKm: (to: NetPoint) => number,
  nowMs: number,
  nearestCamera: (corridorId: string, km: number) => string | null = () => null,
): Intercept | null {
  if (trackPositionAt(track, nowMs).lost) return null;
  const speed = cruiseKmh[unitKind];
  for (const p of track.projection) {
    const vehicleS = (Date.parse(p.at) - nowMs) / 1000;
    if (vehicleS <= 0) continue;
    const unitS = (travelKm({ corridorId: track.corridorId, km: p.km }) / speed) * 3600;
    if (vehicleS - unitS >= setupMarginS) {
      return {
        corridorId: track.corridorId,
        km: p.km,
        location: p.location,
        vehicleEta: p.at,
        unitEta: iso(nowMs + unitS * 1000),
        marginS: Math.round(vehicleS - unitS),
        nearestCameraId: nearestCamera(track.corridorId, p.km),
      };
    }
  }
  return null;
}

/**
 * Available units ranked for an incident: for a live wrong-way track, those that can get ahead of
 * the vehicle first (earliest intercept, then largest margin); then the rest by travel distance
 * along the corridor network to the target.
 */
export function proposeUnits(
  network: RoadNetwork,
  target: DispatchTarget,
  units: readonly Unit[],
  nowMs: number,
  nearestCamera?: (corridorId: string, km: number) => string | null,
): UnitProposal[] {
  const goal: NetPoint & { offKm: number } = target.track
    ? { corridorId: target.track.corridorId, km: trackPositionAt(target.track, nowMs).km, offKm: 0 }
    : snap(network, target.location);
  const proposals: UnitProposal[] = [];
  for (const unit of units) {
    if (unit.status !== 'available' || !unit.position) continue;
    const travel = reach(network, unit.position);
    const travelKm = travel(goal) + goal.offKm * detourFactor;
    const fallback = straightKm(unit.position, target.location) * detourFactor;
    const km = Number.isFinite(travelKm) ? travelKm : fallback;
    proposals.push({
      unitId: unit.id,
      callSign: unit.callSign,
      kind: unit.kind,
      travelKm: Math.round(km * 10) / 10,
      etaS: Math.round((km / cruiseKmh[unit.kind]) * 3600),
      intercept: target.track ? interceptFor(target.track, unit.kind, travel, nowMs, nearestCamera) : null,
    });
  }
  const rank = (p: UnitProposal) => (p.intercept ? Date.parse(p.intercept.vehicleEta) : Infinity);
  return proposals.sort((a, b) => rank(a) - rank(b) || (b.intercept?.marginS ?? 0) - (a.intercept?.marginS ?? 0) || a.travelKm - b.travelKm);
}

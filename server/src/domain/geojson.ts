import type { Incident } from '@rasd/shared';

/** Incidents as a GeoJSON FeatureCollection ([lon, lat], RFC 7946) for GIS tools. */
export function incidentsToGeoJson(incidents: readonly Incident[]) {
  return {
    type: 'FeatureCollection' as const,
    features: incidents.map(({ location, actions, claimedBy, verification, ...rest }) => ({
      type: 'Feature' as const,
      id: rest.id,
      geometry: { type: 'Point' as const, coordinates: [location.lon, location.lat] },
      properties: {
        ...rest,
        claimedBy: claimedBy?.username ?? null,
        verified: verification ? verification.verdict === 'verified' : null,
        actionTypes: actions.map((a) => a.type),
      },
    })),
  };
}

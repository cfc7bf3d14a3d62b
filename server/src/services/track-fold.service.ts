import type { Carriageway, Detection, Incident } from '@rasd/shared';
import type { Queryable } from '../db/database';
import type { CameraRegistry } from '../domain/cameras';
import { foldPolicy, foldSighting, sightingOf } from '../domain/tracking/track-fold';
import { withTrack } from '../domain/tracking/track-incident';
import { activeStatuses } from '../repositories/incident.repository';
import { trackRepository } from '../repositories/track.repository';

/** The same test as trackRepository.recent, for incidents not written yet. */
function isOpenTrackOn(incident: Incident, corridorId: string, carriageway: Carriageway, since: string): boolean {
  const { track } = incident;
  return (
    !!track &&
    track.corridorId === corridorId &&
    track.carriageway === carriageway &&
    Date.parse(incident.lastSeenAt) >= Date.parse(since) &&
    activeStatuses.includes(incident.status)
  );
}

export interface Placement {
  incident: Incident;
  /** True when the detection extended an existing track rather than opening an incident. */
  joined: boolean;
}

/**
 * Folds wrong-way detections into tracks inside the ingest transaction. It runs after the seq was
 * taken, whose lock serialises writers, so two sightings of one vehicle never open two tracks.
 */
export function createTrackFolder(registry: CameraRegistry) {
  return {
    /**
     * `placed` holds the incidents this transaction already placed but has not written yet (a group
     * commit writes its batch at the end); they count as candidates, newer than their stored copies.
     */
    async place(tx: Queryable, detection: Detection, opened: Incident, placed: ReadonlyMap<string, Incident> = new Map()): Promise<Placement> {
      const sighting = sightingOf(registry, detection);
      if (!sighting) return { incident: opened, joined: false };
      const { corridorId, carriageway } = sighting.camera;
      const since = new Date(Date.parse(detection.observedAt) - foldPolicy.maxGapS * 1000).toISOString();
      const stored = (await trackRepository.recent(tx, corridorId, carriageway, since)).filter((i) => !placed.has(i.id));
      const pending = [...placed.values()].filter((i) => isOpenTrackOn(i, corridorId, carriageway, since));
      const candidates = [...pending, ...stored]
        .sort((a, b) => b.seq - a.seq)
        .flatMap((i) => (i.track ? [{ id: i.id, track: i.track, incident: i }] : []));
      const result = foldSighting(registry, candidates, sighting);
      const joined = candidates.find((c) => c.id === result.joins);
      if (!joined) return { incident: withTrack(opened, result.track, opened.seq, 1), joined: false };
      return { incident: withTrack(joined.incident, result.track, opened.seq, joined.incident.alertCount + 1), joined: true };
    },
  };
}
export type TrackFolder = ReturnType<typeof createTrackFolder>;

import type { Detection, Incident } from '@rasd/shared';
import type { Queryable } from '../db/database';
import type { CameraRegistry } from '../domain/cameras';
import { foldPolicy, foldSighting, sightingOf } from '../domain/tracking/track-fold';
import { withTrack } from '../domain/tracking/track-incident';
import { trackRepository } from '../repositories/track.repository';

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
    async place(tx: Queryable, detection: Detection, opened: Incident): Promise<Placement> {
      const sighting = sightingOf(registry, detection);
      if (!sighting) return { incident: opened, joined: false };
      const since = new Date(Date.parse(detection.observedAt) - foldPolicy.maxGapS * 1000).toISOString();
      const candidates = (await trackRepository.recent(tx, sighting.camera.corridorId, sighting.camera.carriageway, since))
        .flatMap((i) => (i.track ? [{ id: i.id, track: i.track, incident: i }] : []));
      const result = foldSighting(registry, candidates, sighting);
      const joined = candidates.find((c) => c.id === result.joins);
      if (!joined) return { incident: withTrack(opened, result.track, opened.seq, 1), joined: false };
      return { incident: withTrack(joined.incident, result.track, opened.seq, joined.incident.alertCount + 1), joined: true };
    },
  };
}
export type TrackFolder = ReturnType<typeof createTrackFolder>;

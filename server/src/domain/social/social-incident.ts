import along from '@turf/along';
import { lineString } from '@turf/helpers';
import length from '@turf/length';
import { findCorridor, type AlertKind, type GeoPoint, type Incident, type SocialReport } from '@rasd/shared';
import { severityOf } from '../severity';
import { socialPostOf } from './social-post';

export interface TriageResult {
  kind: AlertKind | null;
  corridorId: string | null;
  location: GeoPoint | null;
  plate: string | null;
  priority: number;
}

const cairoCentre: GeoPoint = { lat: 30.0444, lon: 31.2357 };

function corridorMidpoint(corridorId: string): GeoPoint | null {
  const corridor = findCorridor(corridorId);
  if (!corridor) return null;
  const line = lineString(corridor.geometry.coordinates);
  const [lon, lat] = along(line, length(line) / 2).geometry.coordinates;
  return { lat: lat!, lon: lon! };
}

/** Where a report happened: its own coordinates, else the place it names, else its corridor, else the city. */
export function locateReport(report: SocialReport, triage: TriageResult): { location: GeoPoint; approximate: boolean } {
  if (report.location) return { location: report.location, approximate: false };
  if (triage.location) return { location: triage.location, approximate: true };
  const mid = triage.corridorId ? corridorMidpoint(triage.corridorId) : null;
  return { location: mid ?? cairoCentre, approximate: true };
}

/** A new social incident: it waits in `verifying` until a verifier decides. */
export function incidentFromSocial(id: string, seq: number, report: SocialReport, triage: TriageResult): Incident {
  const kind = triage.kind ?? 'other';
  const { location, approximate } = locateReport(report, triage);
  const postedAt = new Date(report.postedAt).toISOString();
  return {
    id,
    seq,
    kind,
    source: 'social',
    severity: severityOf(kind),
    status: 'verifying',
    corridorId: triage.corridorId,
    location,
    firstSeenAt: postedAt,
    lastSeenAt: postedAt,
    alertCount: 1,
    claimedBy: null,
    actions: [],
    plate: triage.plate,
    cameraId: null,
    speedKmh: null,
    verification: null,
    escalatedAt: null,
    priority: triage.priority,
    socialPost: socialPostOf(report),
    locationApproximate: approximate,
  };
}

/**
 * Another report of the same event joins its incident: a camera incident becomes `mixed`. A report
 * that outranks the incident's post (a re-share gone viral) becomes the post the queue shows.
 */
export function joinReport(incident: Incident, seq: number, report: SocialReport, triage: TriageResult): Incident {
  const at = new Date(report.postedAt).toISOString();
  const outranks = !incident.socialPost || triage.priority > (incident.priority ?? 0);
  return {
    ...incident,
    seq,
    source: incident.source === 'camera' ? 'mixed' : incident.source,
    alertCount: incident.alertCount + 1,
    lastSeenAt: at > incident.lastSeenAt ? at : incident.lastSeenAt,
    plate: incident.plate ?? triage.plate,
    priority: Math.max(incident.priority ?? 0, triage.priority),
    socialPost: outranks ? socialPostOf(report) : incident.socialPost,
  };
}

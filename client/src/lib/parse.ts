import { incidentSchema, type Incident } from '@rasd/shared';

export interface ParsedIncidentList {
  incidents: Incident[];
  seq: number;
}

/** The incident, or null when the payload does not match the shared schema. */
export function parseIncident(payload: unknown): Incident | null {
  const parsed = incidentSchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

/**
 * Parses `{incidents, seq}`; one malformed incident is dropped rather than losing the
 * whole catch-up. Returns null when the envelope itself is unusable.
 */
export function parseIncidentList(payload: unknown): ParsedIncidentList | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { incidents, seq } = payload as { incidents?: unknown; seq?: unknown };
  if (!Array.isArray(incidents) || typeof seq !== 'number' || !Number.isInteger(seq)) return null;
  const valid: Incident[] = [];
  for (const item of incidents) {
    const incident = parseIncident(item);
    if (incident) valid.push(incident);
  }
  return { incidents: valid, seq };
}

/** The incident id of an `alert:new` payload, or null. The alert itself is not needed here. */
export function parseAlertIncidentId(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const id = (payload as { incidentId?: unknown }).incidentId;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

import {
  alertSchema,
  historyEntrySchema,
  incidentSchema,
  presencePayloadSchema,
  userSchema,
  type Alert,
  type HistoryEntry,
  type Incident,
  type PresencePayload,
  type User,
} from '@rasd/shared';

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

export interface ParsedLiveBatch {
  incidents: Incident[];
  /** The incident of each alert, in order. */
  alertIncidentIds: string[];
}

/** A `live:batch` payload; malformed entries are dropped, an unusable envelope gives null. */
export function parseLiveBatch(payload: unknown): ParsedLiveBatch | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { incidents, alerts } = payload as { incidents?: unknown; alerts?: unknown };
  if (!Array.isArray(incidents) || !Array.isArray(alerts)) return null;
  return { incidents: validItems(incidents, parseIncident), alertIncidentIds: validItems(alerts, parseAlertIncidentId) };
}

export interface ParsedIncidentDetail {
  incident: Incident;
  alerts: Alert[];
  history: HistoryEntry[];
}

/** Keeps the items of an array that match the schema: one odd entry must not hide the rest. */
function validItems<T>(value: unknown, parse: (item: unknown) => T | null): T[] {
  if (!Array.isArray(value)) return [];
  return value.map(parse).filter((item): item is T => item !== null);
}

/**
 * `GET /api/v1/incidents/:id`. Alerts of a kind this client does not know yet (a new source
 * added to the contract) are left out rather than failing the whole drawer.
 */
export function parseIncidentDetail(payload: unknown): ParsedIncidentDetail | null {
  const incident = parseIncident(payload);
  if (!incident) return null;
  const { alerts, history } = payload as { alerts?: unknown; history?: unknown };
  return {
    incident,
    alerts: validItems(alerts, (a) => alertSchema.safeParse(a).data ?? null),
    history: validItems(history, (h) => historyEntrySchema.safeParse(h).data ?? null),
  };
}

/** `GET /api/v1/users` → the users, or null when the envelope is unusable. */
export function parseUsers(payload: unknown): User[] | null {
  const users = (payload as { users?: unknown } | null)?.users;
  if (!Array.isArray(users)) return null;
  return validItems(users, (u) => userSchema.safeParse(u).data ?? null);
}

/** A `presence:update` payload (or a `presence:watch` ack's data), or null when malformed. */
export function parsePresence(payload: unknown): PresencePayload | null {
  const result = presencePayloadSchema.safeParse(payload);
  return result.success ? result.data : null;
}

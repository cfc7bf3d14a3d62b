import { z } from 'zod';
import type { Alert, Incident, IncidentList } from './incident';
import type { ErrorBody } from './error';
import type { Unit } from './unit';

/** Socket acks carry data or the same error shape as HTTP answers. */
export type Ack<T> = { data: T } | ErrorBody;

export interface AlertNewPayload {
  alert: Alert;
  incidentId: string;
}

/**
 * An alert in a `live:batch`: the incident it joined and which alert it is. The incident, in the
 * same frame, carries what a desk draws and sounds for; the whole alert is one
 * `GET /api/v1/incidents/:id` away. `eventId` is the camera's own id for its detection.
 */
export interface LiveAlert {
  incidentId: string;
  alert: { id: string; seq: number; source: Alert['source']; receivedAt: string; eventId?: string };
}

/**
 * A dashboard that connects with `auth: { batch: true }` in its handshake gets `live:batch` instead
 * of `incident:upsert` and `alert:new`: the same incidents, and each alert by reference
 * (`LiveAlert`), gathered into one frame per interval (`RASD_LIVE_FRAME_MS`) in the order the single
 * events would have come. Frames per second, not changes per second, are what a server can send to
 * a thousand dashboards, and every byte of a frame is parsed by each of them: a whole alert repeats
 * most of its incident, and doubled what each desk had to read.
 */
export interface LiveBatch {
  /** Changed incidents in seq order, each at most once (its latest version). */
  incidents: Incident[];
  alerts: LiveAlert[];
}

/** The handshake `auth` a dashboard sends to receive `live:batch`. */
export const liveBatchAuth = { batch: true } as const;

/** Server → client events. Every payload with a `seq` was stored before it was sent. */
export const presencePayloadSchema = z.object({
  incidentId: z.string(),
  /** Usernames of everyone looking at the incident right now. */
  watchers: z.array(z.string()),
});
export type PresencePayload = z.infer<typeof presencePayloadSchema>;

export interface ServerToClientEvents {
  'incident:upsert': (incident: Incident) => void;
  'alert:new': (payload: AlertNewPayload) => void;
  /** Both of the above, batched, for dashboards that asked for it (see LiveBatch). */
  'live:batch': (payload: LiveBatch) => void;
  'presence:update': (payload: PresencePayload) => void;
  /** To commanders: an incident stayed unclaimed past RASD_ESCALATE_AFTER_S. */
  'incident:escalated': (incident: Incident) => void;
  /** A patrol unit moved, changed status or was assigned (stored before it was sent). */
  'unit:upsert': (unit: Unit) => void;
}

/**
 * A patrol unit's tablet connects to the namespace `/unit` with `auth: { unitKey }` and only listens.
 * `unit:changed` carries nothing: the unit, or the incident it is assigned to, changed, and the
 * tablet fetches its view again (`GET /api/v1/unit/me`, which the key authorises).
 */
export const unitChannel = { namespace: '/unit', changed: 'unit:changed' } as const;
export interface UnitChannelEvents {
  'unit:changed': () => void;
}

/** Client → server events. */
export interface ClientToServerEvents {
  /** Socket equivalent of `GET /api/v1/incidents?since=SEQ`. */
  'incidents:since': (request: { since: number }, ack: (response: Ack<IncidentList>) => void) => void;
  /** The incident this dashboard has open (null: none), for "monitored by". */
  'presence:watch': (request: { incidentId: string | null }, ack: (response: Ack<PresencePayload | null>) => void) => void;
}

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
  'presence:update': (payload: PresencePayload) => void;
  /** To commanders: an incident stayed unclaimed past RASD_ESCALATE_AFTER_S. */
  'incident:escalated': (incident: Incident) => void;
  /** A patrol unit moved, changed status or was assigned (stored before it was sent). */
  'unit:upsert': (unit: Unit) => void;
}

/** Client → server events. */
export interface ClientToServerEvents {
  /** Socket equivalent of `GET /api/v1/incidents?since=SEQ`. */
  'incidents:since': (request: { since: number }, ack: (response: Ack<IncidentList>) => void) => void;
  /** The incident this dashboard has open (null: none), for "monitored by". */
  'presence:watch': (request: { incidentId: string | null }, ack: (response: Ack<PresencePayload | null>) => void) => void;
}

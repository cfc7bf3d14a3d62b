import type { Alert, Incident } from '@rasd/shared';

/** Fans stored changes out to dashboards. Called only after the change has committed. */
export interface Publisher {
  incidentChanged(incident: Incident): void;
  alertStored(alert: Alert): void;
  incidentEscalated(incident: Incident): void;
}

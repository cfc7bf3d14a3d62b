import type { AlertNewPayload, Incident, LiveBatch } from '@rasd/shared';

/** A live event as a dashboard that did not ask for batches receives it. */
export type SingleEvent = ['incident:upsert', Incident] | ['alert:new', AlertNewPayload];

export interface LiveBatcherOptions {
  /** At most one flush per this many ms; the first change after a quiet spell goes out at once. */
  frameMs: number;
  /** Sends one flush: the batch, and the same changes as single events in arrival order. */
  emit: (batch: LiveBatch, singles: readonly SingleEvent[]) => void;
  now?: () => number;
}

/**
 * Gathers stored changes into frames. Changes published in one turn of the event loop (a group
 * commit's batch) always share a flush; under load, flushes are at least `frameMs` apart, so the
 * frames each dashboard receives per second stay bounded however many changes arrive.
 */
export function createLiveBatcher({ frameMs, emit, now = () => performance.now() }: LiveBatcherOptions) {
  let incidents = new Map<string, Incident>();
  let alerts: AlertNewPayload[] = [];
  let singles: SingleEvent[] = [];
  let lastFlush = -Infinity;
  let pending: (() => void) | null = null;

  function flush() {
    pending = null;
    if (singles.length === 0) return;
    const batch: LiveBatch = { incidents: [...incidents.values()].sort((a, b) => a.seq - b.seq), alerts };
    const sent = singles;
    incidents = new Map();
    alerts = [];
    singles = [];
    lastFlush = now();
    emit(batch, sent);
  }

  function schedule() {
    if (pending) return;
    const wait = lastFlush + frameMs - now();
    if (wait <= 0) {
      const handle = setImmediate(flush);
      pending = () => clearImmediate(handle);
    } else {
      const handle = setTimeout(flush, wait);
      pending = () => clearTimeout(handle);
    }
  }

  return {
    incident(incident: Incident) {
      const held = incidents.get(incident.id);
      if (!held || held.seq < incident.seq) incidents.set(incident.id, incident);
      singles.push(['incident:upsert', incident]);
      schedule();
    },
    alert(payload: AlertNewPayload) {
      alerts.push(payload);
      singles.push(['alert:new', payload]);
      schedule();
    },
    /** Sends what is waiting now (shutdown). */
    flushNow() {
      pending?.();
      flush();
    },
  };
}
export type LiveBatcher = ReturnType<typeof createLiveBatcher>;

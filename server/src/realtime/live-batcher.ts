import type { AlertNewPayload, Incident, LiveAlert, LiveBatch } from '@rasd/shared';

/**
 * The frame interval with `desks` batched desks connected: at least `minMs`, and long enough that
 * the instance writes at most `framesPerS` frames a second in all. Every frame is a socket write (a
 * system call) per desk, and a parse for each desk: a thousand desks at 100 frames a second took
 * the server's core and the desks' (bench section 1, C=1,000 × R=100/s: p99 0.5-1.3 s at 10 ms,
 * 0.2-0.26 s at 40 ms).
 */
export function frameIntervalMs(desks: number, minMs: number, framesPerS: number): number {
  return Math.max(minMs, (desks * 1000) / framesPerS);
}

/** An alert as a batch carries it: by reference (see LiveAlert). */
export function liveAlertOf({ alert, incidentId }: AlertNewPayload): LiveAlert {
  const { id, seq, source, receivedAt } = alert;
  return { incidentId, alert: 'eventId' in alert ? { id, seq, source, receivedAt, eventId: alert.eventId } : { id, seq, source, receivedAt } };
}

/** A live event as a dashboard that did not ask for batches receives it. */
export type SingleEvent = ['incident:upsert', Incident] | ['alert:new', AlertNewPayload];

export interface LiveBatcherOptions {
  /** On average at most one flush per this many ms (0: every turn's changes at once); read as tokens come back. */
  frameMs: number | (() => number);
  /** Flushes that may go out back to back before the frame interval holds them (default 3). */
  burst?: number;
  /** Sends one flush: the batch, and the same changes as single events in arrival order. */
  emit: (batch: LiveBatch, singles: readonly SingleEvent[]) => void;
  now?: () => number;
}

/**
 * Gathers stored changes into frames. Changes published in one turn of the event loop (a group
 * commit's batch) always share a flush. Flushes spend tokens that come back one per `frameMs`, up
 * to `burst`: under load, frames are `frameMs` apart, so the frames each dashboard receives per
 * second stay bounded however many changes arrive; below that, a change goes out at once. (A plain
 * "one flush per `frameMs`" held a stream of exactly that rate for the rest of each interval:
 * 2 ms at the median, 8 ms at p99, bench section 1 at 100 detections/s.)
 */
export function createLiveBatcher({ frameMs, burst = 3, emit, now = () => performance.now() }: LiveBatcherOptions) {
  const interval = typeof frameMs === 'number' ? () => frameMs : frameMs;
  let incidents = new Map<string, Incident>();
  let alerts: LiveAlert[] = [];
  let singles: SingleEvent[] = [];
  let tokens = burst;
  let countedAt = now();
  let pending: (() => void) | null = null;

  /** Tokens now, counting those that came back since last asked. */
  function tokensNow(): number {
    const at = now();
    const ms = interval();
    tokens = ms > 0 ? Math.min(burst, tokens + (at - countedAt) / ms) : burst;
    countedAt = at;
    return tokens;
  }

  function flush() {
    pending = null;
    if (singles.length === 0) return;
    const batch: LiveBatch = { incidents: [...incidents.values()].sort((a, b) => a.seq - b.seq), alerts };
    const sent = singles;
    incidents = new Map();
    alerts = [];
    singles = [];
    tokens = tokensNow() - 1;
    emit(batch, sent);
  }

  function schedule() {
    if (pending) return;
    const wait = (1 - tokensNow()) * interval();
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
      alerts.push(liveAlertOf(payload));
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

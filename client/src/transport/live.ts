import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, Incident, ServerToClientEvents } from '@rasd/shared';
import { parseAlertIncidentId, parseIncident, parseLiveBatch } from '../lib/parse';
import type { StoreHandle } from '../store';

type RasdSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Runs `flush` once before the next paint. */
export type FrameScheduler = (flush: () => void) => void;

/**
 * The next animation frame; a hidden page gets none, so a timer stands in (an alarm must still
 * sound on a desk whose tab is in the background).
 */
export const nextFrame: FrameScheduler = (flush) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    flush();
  };
  requestAnimationFrame(once);
  setTimeout(once, 250);
};

/**
 * Under a stream, at most this often: every view re-sorts, re-filters or re-clusters thousands of
 * incidents on each store update, and such an update costs a frame or two of the map. Twice a
 * second still reads as live to a person, and keeps those long frames under 5% of all (bench
 * section 3: p95 frame 33 ms at five updates a second, 17 ms at two, 5,000 incidents under 50/s).
 * A change after a quiet spell is applied at the next paint.
 */
export const liveApplyMs = 500;

/**
 * Live incident changes, whether the server sends them one by one or as `live:batch`: what arrives
 * is applied to the store in one update at the next paint, and under a stream at most once per
 * `liveApplyMs`, so the queue and the map re-render a few times a second rather than per change.
 */
export function bindLive(socket: RasdSocket, store: StoreHandle, scheduleFrame: FrameScheduler = nextFrame, minIntervalMs = liveApplyMs): () => void {
  let waiting: Incident[] = [];
  let lastFlushAt = -Infinity;
  let lastAlertIncident: string | null = null;
  let scheduled = false;
  let bound = true;

  const flush = () => {
    scheduled = false;
    if (!bound) return;
    lastFlushAt = Date.now();
    const incidents = waiting;
    const alerted = lastAlertIncident;
    waiting = [];
    lastAlertIncident = null;
    store.getState().receiveLiveMany(incidents);
    if (alerted) store.getState().noteAlert(alerted);
  };
  const take = (incidents: readonly Incident[], alertIncidentIds: readonly string[]) => {
    waiting.push(...incidents);
    lastAlertIncident = alertIncidentIds.at(-1) ?? lastAlertIncident;
    if (scheduled) return;
    scheduled = true;
    const wait = lastFlushAt + minIntervalMs - Date.now();
    if (wait > 0) setTimeout(() => scheduleFrame(flush), wait);
    else scheduleFrame(flush);
  };

  const onIncident = (payload: unknown) => {
    const incident = parseIncident(payload);
    if (incident) take([incident], []);
    else console.warn('rasd: dropped an invalid incident:upsert payload');
  };
  const onAlert = (payload: unknown) => {
    const incidentId = parseAlertIncidentId(payload);
    if (incidentId) take([], [incidentId]);
  };
  const onBatch = (payload: unknown) => {
    const batch = parseLiveBatch(payload);
    if (batch) take(batch.incidents, batch.alertIncidentIds);
    else console.warn('rasd: dropped an invalid live:batch payload');
  };
  socket.on('incident:upsert', onIncident);
  socket.on('alert:new', onAlert);
  socket.on('live:batch', onBatch);
  return () => {
    bound = false;
    socket.off('incident:upsert', onIncident);
    socket.off('alert:new', onAlert);
    socket.off('live:batch', onBatch);
  };
}

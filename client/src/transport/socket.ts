import { io, type Socket } from 'socket.io-client';
import {
  createResumePoint,
  errorBodySchema,
  liveBatchAuth,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@rasd/shared';
import { ApiError, currentSession, fetchIncidents } from '../api/http';
import { parseIncidentList, type ParsedIncidentList } from '../lib/parse';
import type { StoreHandle } from '../store';
import { bindEscalations } from './escalations';
import { bindLive } from './live';
import { bindPresence } from './presence';
import { bindUnits } from './units';
import { catchUpWithRetry } from './sync';

type RasdSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ackTimeoutMs = 10_000;
/** Failed reconnect attempts before the indicator says offline rather than reconnecting. */
const attemptsBeforeOffline = 3;
const refusedRetryMs = 3_000;

async function fetchSinceOverSocket(socket: RasdSocket, since: number | null): Promise<ParsedIncidentList> {
  // The first load wants the active incidents, not the whole history after seq 0.
  if (since === null) return fetchIncidents();
  const response: unknown = await socket.timeout(ackTimeoutMs).emitWithAck('incidents:since', { since });
  const failure = errorBodySchema.safeParse(response);
  if (failure.success) throw new ApiError(0, failure.data.error.code, failure.data.error.message);
  const list = parseIncidentList((response as { data?: unknown } | null)?.data);
  if (!list) throw new ApiError(0, 'bad_response', 'unexpected incidents:since answer');
  return list;
}

export interface LiveConnectionOptions {
  /** Called when the server refuses the socket and the session turns out to be gone. */
  onUnauthorized: () => void;
}

/** Opens the live socket and keeps the store in step with it; returns a stop function. */
export function startLiveConnection(store: StoreHandle, options: LiveConnectionOptions): () => void {
  const socket: RasdSocket = io({
    path: '/socket.io',
    transports: ['websocket'],
    withCredentials: true,
    autoConnect: false,
    // One frame per interval instead of two events per change (see LiveBatch).
    auth: liveBatchAuth,
  });
  let stopped = false;
  // A catch-up loop belongs to one connection; a later connect starts its own.
  let generation = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const setConnection = store.getState().setConnection;

  // A reconnect catches up from a little before the newest seq held (see shared's resume point).
  const resume = createResumePoint();
  const noteSeq = (seq: number | null) => {
    if (seq !== null) resume.note(seq);
  };
  noteSeq(store.getState().lastSeq);
  const unwatchSeq =
    store.subscribe?.((state, previous) => {
      if (state.lastSeq !== previous.lastSeq) noteSeq(state.lastSeq);
    }) ?? (() => undefined);

  socket.on('connect', () => {
    const mine = ++generation;
    setConnection('reconnecting');
    void catchUpWithRetry(store, (since) => fetchSinceOverSocket(socket, since), {
      from: () => {
        const { lastSeq } = store.getState();
        return lastSeq === null ? null : (resume.since() ?? lastSeq);
      },
      shouldContinue: () => socket.connected && !stopped && generation === mine,
      onError: (error) => console.warn('rasd: catch-up failed, retrying', error),
    }).then((caughtUp) => {
      if (caughtUp && socket.connected && !stopped && generation === mine) setConnection('connected');
    });
  });

  // The manager does not retry a socket the server refused or closed itself (account disabled, password
  // reset, a reader too slow to keep up): a session that is gone signs the page out, otherwise try again.
  const afterRefusal = () => {
    setConnection('offline');
    void currentSession()
      .then((user) => {
        if (stopped) return;
        if (user === null) options.onUnauthorized();
        else retryTimer = setTimeout(() => socket.connect(), refusedRetryMs);
      })
      .catch(() => {
        if (!stopped) retryTimer = setTimeout(() => socket.connect(), refusedRetryMs);
      });
  };

  socket.on('disconnect', (reason) => {
    if (stopped) return;
    if (reason === 'io server disconnect') afterRefusal();
    else setConnection(socket.active ? 'reconnecting' : 'offline');
  });

  const onReconnectAttempt = (attempt: number) => {
    setConnection(attempt > attemptsBeforeOffline ? 'offline' : 'reconnecting');
  };
  socket.io.on('reconnect_attempt', onReconnectAttempt);

  socket.on('connect_error', () => {
    // While `active`, the manager retries by itself.
    if (!socket.active && !stopped) afterRefusal();
  });

  const unbindLive = bindLive(socket, store);
  const unbindPresence = bindPresence(socket, store);
  const unbindEscalations = bindEscalations(socket, store);
  const unbindUnits = bindUnits(socket, store);

  const onBrowserOffline = () => setConnection('offline');
  const onBrowserOnline = () => {
    if (socket.connected) return;
    setConnection('reconnecting');
    if (!socket.active) socket.connect();
  };
  window.addEventListener('offline', onBrowserOffline);
  window.addEventListener('online', onBrowserOnline);

  socket.connect();

  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    unwatchSeq();
    unbindLive();
    unbindPresence();
    unbindEscalations();
    unbindUnits();
    window.removeEventListener('offline', onBrowserOffline);
    window.removeEventListener('online', onBrowserOnline);
    socket.removeAllListeners();
    socket.io.off('reconnect_attempt', onReconnectAttempt);
    socket.disconnect();
  };
}

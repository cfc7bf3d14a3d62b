import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { nowUs, sleep } from './clock';
import { parseEventId } from './detection';
import { LogHistogram, type HistogramJson } from './stats';

/** `socketio`: Rasd's dashboards; `raw-ws`: the reference server's (and its floors') plain WebSocket clients. */
export type ClientMode = 'socketio' | 'raw-ws';

export interface ConnectPlan {
  url: string;
  mode: ClientMode;
  count: number;
  /** Connections opened together; the next batch waits for this one. */
  batchSize: number;
  /** `rasd_session=…` from POST /api/v1/session, sent like a browser would. */
  cookie: string;
  origin: string;
  timeoutS: number;
}

export interface ConnectResult {
  connected: number;
  failed: number;
  ms: number;
  firstError: string | null;
}

export interface SecondStats {
  second: number;
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export interface ClientStats {
  connected: number;
  disconnects: number;
  /** alert:new deliveries of alerts sent in the measured window (one per client per alert). */
  measuredAlerts: number;
  otherAlerts: number;
  /** Other frames (Rasd's incident:upsert), counted but not timed. */
  otherFrames: number;
  /** Send (producer) → receive (client handler) for measured alerts. */
  latency: HistogramJson;
  /** The same per second of the measured window, by send time: a rising p50 means a backlog. */
  perSecond: SecondStats[];
  /** When the last measured alert arrived (monotonic µs), to tell late deliveries from lost ones. */
  lastMeasuredRecvUs: number;
  firstError: string | null;
}

interface Conn {
  close(): void;
}

/** Many dashboard connections in one process, timing every alert they receive. */
export class ClientPool {
  private conns: Conn[] = [];
  private connected = 0;
  private disconnects = 0;
  private measuredAlerts = 0;
  private otherAlerts = 0;
  private otherFrames = 0;
  private latency = new LogHistogram();
  private perSecond = new Map<number, LogHistogram>();
  private lastMeasuredRecvUs = 0;
  private firstError: string | null = null;
  /** Every alert and frame received since connect, whatever its phase (deliveries per second). */
  private totalAlerts = 0;
  private totalFrames = 0;
  /** Bumped by close(): events of connections from an earlier run are ignored. */
  private generation = 0;

  private onFrame(): void {
    this.totalFrames++;
  }

  /** One alert delivered to one client; `recvUs` is shared by the alerts of one batch frame. */
  private onAlert(eventId: unknown, recvUs = nowUs()): void {
    this.totalAlerts++;
    const stamp = parseEventId(eventId);
    if (!stamp || !stamp.measured) {
      this.otherAlerts++;
      return;
    }
    const ms = (recvUs - stamp.sentUs) / 1000;
    this.measuredAlerts++;
    this.lastMeasuredRecvUs = recvUs;
    this.latency.record(ms);
    let h = this.perSecond.get(stamp.second);
    if (!h) this.perSecond.set(stamp.second, (h = new LogHistogram()));
    h.record(ms);
  }

  private noteError(error: unknown): void {
    this.firstError ??= error instanceof Error ? error.message : String(error);
  }

  private openSocketIo(plan: ConnectPlan): Promise<Conn | null> {
    return new Promise((resolve) => {
      const socket: Socket = io(plan.url, {
        path: '/socket.io',
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        timeout: plan.timeoutS * 1000,
        extraHeaders: { cookie: plan.cookie, origin: plan.origin },
        auth: { batch: true }, // shared's liveBatchAuth (the bench does not depend on the workspace packages)
      });
      const conn: Conn = { close: () => socket.disconnect() };
      // Dashboards ask for batches as the browser does; single events still count if the server sends them.
      socket.on('live:batch', (payload: { alerts?: { alert?: { eventId?: unknown } }[] } | undefined) => {
        const recvUs = nowUs();
        this.onFrame();
        for (const item of payload?.alerts ?? []) this.onAlert(item.alert?.eventId, recvUs);
      });
      socket.on('alert:new', (payload: { alert?: { eventId?: unknown } } | undefined) => {
        this.onFrame();
        this.onAlert(payload?.alert?.eventId);
      });
      socket.on('incident:upsert', () => {
        this.otherFrames++;
        this.onFrame();
      });
      socket.once('connect', () => {
        this.connected++;
        resolve(conn);
      });
      socket.once('connect_error', (error) => {
        this.noteError(error);
        socket.disconnect();
        resolve(null);
      });
      const generation = this.generation;
      socket.on('disconnect', (reason) => {
        if (reason !== 'io client disconnect' && generation === this.generation) {
          this.disconnects++;
          this.noteError(`disconnect: ${reason}`);
        }
      });
    });
  }

  private openRawWs(plan: ConnectPlan): Promise<Conn | null> {
    return new Promise((resolve) => {
      const wsUrl = plan.url.replace(/^http/, 'ws') + '/ws';
      const ws = new WebSocket(wsUrl, {
        headers: { cookie: plan.cookie, origin: plan.origin },
        perMessageDeflate: false,
        handshakeTimeout: plan.timeoutS * 1000,
      });
      let open = false;
      const conn: Conn = { close: () => ws.terminate() };
      ws.on('message', (data) => {
        const msg = JSON.parse(data.toString()) as { type?: string; alert?: { eventId?: unknown }; items?: { alert?: { eventId?: unknown } }[] };
        this.onFrame();
        if (msg.type === 'alert:new') this.onAlert(msg.alert?.eventId);
        else if (msg.type === 'batch') {
          const recvUs = nowUs();
          for (const item of msg.items ?? []) this.onAlert(item.alert?.eventId, recvUs);
        } else this.otherFrames++;
      });
      ws.once('open', () => {
        open = true;
        this.connected++;
        resolve(conn);
      });
      ws.on('error', (error) => {
        this.noteError(error);
        if (!open) resolve(null);
      });
      const generation = this.generation;
      ws.on('close', () => {
        if (open && generation === this.generation) this.disconnects++;
      });
    });
  }

  async connect(plan: ConnectPlan): Promise<ConnectResult> {
    const started = performance.now();
    let failed = 0;
    for (let i = 0; i < plan.count; i += plan.batchSize) {
      const n = Math.min(plan.batchSize, plan.count - i);
      const opened = await Promise.all(
        Array.from({ length: n }, () => (plan.mode === 'socketio' ? this.openSocketIo(plan) : this.openRawWs(plan))),
      );
      for (const c of opened) {
        if (c) this.conns.push(c);
        else failed++;
      }
      // Let the server settle between batches, as a room full of desks logging in would.
      await sleep(5);
    }
    return { connected: this.connected, failed, ms: performance.now() - started, firstError: this.firstError };
  }

  /** Running totals, read at the start and end of a window: deliveries whatever their send time. */
  counts(): { alerts: number; frames: number; atUs: number } {
    return { alerts: this.totalAlerts, frames: this.totalFrames, atUs: nowUs() };
  }

  /** Forgets what was received so far (the connections stay). */
  reset(): void {
    this.measuredAlerts = 0;
    this.otherAlerts = 0;
    this.otherFrames = 0;
    this.latency = new LogHistogram();
    this.perSecond = new Map();
    this.lastMeasuredRecvUs = 0;
  }

  stats(): ClientStats {
    return {
      connected: this.connected - this.disconnects,
      disconnects: this.disconnects,
      measuredAlerts: this.measuredAlerts,
      otherAlerts: this.otherAlerts,
      otherFrames: this.otherFrames,
      latency: this.latency.toJSON(),
      perSecond: [...this.perSecond.entries()]
        .sort(([a], [b]) => a - b)
        .map(([second, h]) => ({ second, n: h.n, p50: h.percentile(50), p99: h.percentile(99), max: h.max })),
      lastMeasuredRecvUs: this.lastMeasuredRecvUs,
      firstError: this.firstError,
    };
  }

  async close(): Promise<void> {
    this.generation++;
    for (const c of this.conns) c.close();
    this.conns = [];
    this.connected = 0;
    this.disconnects = 0;
    this.firstError = null;
    this.totalAlerts = 0;
    this.totalFrames = 0;
    this.reset();
    await sleep(200);
  }
}

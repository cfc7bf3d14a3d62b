import { io, type Socket } from 'socket.io-client';
import { createResumePoint, type ClientToServerEvents, type Incident, type IncidentList, type ServerToClientEvents } from '@rasd/shared';

type DeskSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Mirrors client/src/transport/sync.ts. */
const pageMax = 5000;
const retryDelaysMs = [250, 500, 1_000, 2_000];

export interface DeskFigures {
  name: string;
  incidents: number;
  connects: number;
  recovered: number;
  liveEvents: number;
  /** Live or caught-up copies ignored because the desk already had that seq or a newer one. */
  ignored: number;
  catchUps: number;
  /** Incidents first learned from a catch-up rather than live. */
  learnedFromCatchUp: number;
  alertsLive: number;
  /** alert:new for an alert already seen (a replay); the dashboard only flashes the incident. */
  alertRepeats: number;
}

/**
 * A dashboard as the real client behaves (client/src/store/incidents-slice.ts and transport/*):
 * it keeps, per incident, the newest seq it applied and ignores anything not newer; on every
 * (re)connect it buffers live events, asks `incidents:since` its last seq (every page), applies
 * the answer and then the buffer. It reconnects by itself, as socket.io-client does in a browser.
 */
export class Desk {
  readonly seqOf = new Map<string, number>();
  lastSeq: number;
  readonly socket: DeskSocket;
  private syncing = false;
  private token = 0;
  private generation = 0;
  private buffer: Incident[] = [];
  private readonly alertIds = new Set<string>();
  private closed = false;
  /** Where a reconnect's catch-up starts, as the dashboard does it (shared's resume point). */
  private readonly resume = createResumePoint();
  private readonly figures: Omit<DeskFigures, 'name' | 'incidents' | 'alertsLive'> = {
    connects: 0,
    recovered: 0,
    liveEvents: 0,
    ignored: 0,
    catchUps: 0,
    learnedFromCatchUp: 0,
    alertRepeats: 0,
  };

  constructor(
    readonly name: string,
    url: string,
    cookie: string,
    baselineSeq: number,
    /** TLS trust for a desk behind nginx. */
    tls: { ca?: string } = {},
  ) {
    this.lastSeq = baselineSeq;
    this.resume.note(baselineSeq);
    this.socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 1_000,
      extraHeaders: { origin: url, cookie },
      ...tls,
    });
    this.socket.on('connect', () => {
      this.figures.connects += 1;
      if (this.socket.recovered) this.figures.recovered += 1;
      void this.catchUpWhileConnected(++this.generation);
    });
    // A refusal by the server (its middleware: session check, database away) ends socket.io's own
    // retries; the dashboard then tries again after a pause, as here.
    this.socket.on('connect_error', () => {
      if (!this.socket.active && !this.closed) setTimeout(() => !this.closed && this.socket.connect(), 1_000);
    });
    this.socket.on('incident:upsert', (incident) => this.receiveLive(incident));
    this.socket.on('alert:new', ({ alert }) => {
      if (this.alertIds.has(alert.id)) this.figures.alertRepeats += 1;
      this.alertIds.add(alert.id);
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  private receiveLive(incident: Incident) {
    this.figures.liveEvents += 1;
    if (this.syncing) this.buffer.push(incident);
    else this.apply([incident], false);
  }

  private apply(batch: readonly Incident[], fromCatchUp: boolean) {
    for (const incident of [...batch].sort((a, b) => a.seq - b.seq)) {
      const stored = this.seqOf.get(incident.id);
      if (stored !== undefined && stored >= incident.seq) {
        this.figures.ignored += 1;
        continue;
      }
      if (stored === undefined && fromCatchUp) this.figures.learnedFromCatchUp += 1;
      this.seqOf.set(incident.id, incident.seq);
      this.lastSeq = Math.max(this.lastSeq, incident.seq);
    }
    this.resume.note(this.lastSeq);
  }

  private async since(since: number): Promise<IncidentList> {
    const answer = (await this.socket.timeout(10_000).emitWithAck('incidents:since', { since })) as { data?: IncidentList; error?: { code: string } };
    if (!answer.data) throw new Error(`incidents:since refused: ${answer.error?.code ?? 'no answer'}`);
    return answer.data;
  }

  private async catchUp(): Promise<boolean> {
    const token = ++this.token;
    this.syncing = true;
    let page = await this.since(this.resume.since() ?? this.lastSeq);
    const incidents = [...page.incidents];
    while (page.incidents.length >= pageMax) {
      page = await this.since(page.seq);
      incidents.push(...page.incidents);
    }
    if (token !== this.token || !this.syncing) return false;
    this.figures.catchUps += 1;
    this.apply(incidents, true);
    this.lastSeq = Math.max(this.lastSeq, page.seq);
    this.resume.note(this.lastSeq);
    const buffered = this.buffer;
    this.buffer = [];
    this.syncing = false;
    this.apply(buffered, false);
    return true;
  }

  private async catchUpWhileConnected(generation: number) {
    for (let attempt = 0; this.socket.connected && generation === this.generation; attempt++) {
      try {
        if (await this.catchUp()) return;
      } catch {
        // the database or the connection is away: try again while this connection lasts
      }
      await sleep(retryDelaysMs[Math.min(attempt, retryDelaysMs.length - 1)]!);
    }
  }

  /** Resolves once connected and caught up at least once. */
  async ready(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(this.socket.connected && this.figures.catchUps > 0 && !this.syncing)) {
      if (Date.now() > deadline) throw new Error(`desk ${this.name} did not connect and catch up`);
      await sleep(25);
    }
  }

  missing(expected: ReadonlySet<string>): number {
    let n = 0;
    for (const id of expected) if (!this.seqOf.has(id)) n += 1;
    return n;
  }

  /** Incidents the desk holds that no 2xx answer named: a detection stored twice would show here. */
  extras(expected: ReadonlySet<string>): number {
    let n = 0;
    for (const id of this.seqOf.keys()) if (!expected.has(id)) n += 1;
    return n;
  }

  report(): DeskFigures {
    return { name: this.name, incidents: this.seqOf.size, alertsLive: this.alertIds.size, ...this.figures };
  }

  close() {
    this.closed = true;
    this.socket.close();
  }
}

/** Waits until every desk holds every expected incident, or the deadline passes. */
export async function converge(desks: readonly { missing(expected: ReadonlySet<string>): number | Promise<number> }[], expected: ReadonlySet<string>, timeoutMs = 20_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const missing = await Promise.all(desks.map((d) => d.missing(expected)));
    if (missing.every((m) => m === 0) || Date.now() - started > timeoutMs) return Date.now() - started;
    await sleep(100);
  }
}

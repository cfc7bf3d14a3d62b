import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { nowUs, sleep } from '../lib/clock';
import type { ClientStats, ConnectResult } from '../lib/clients';
import { Worker } from '../lib/ipc';
import { ProcSampler, type ProcUsage } from '../lib/proc';
import type { ProducerResult } from '../lib/producer';
import { fmt, fmtInt } from '../lib/report';
import { floorKinds, login, startServer, type ServerKind } from '../lib/server-process';
import { LogHistogram, mean, medianOfFinite, ratio } from '../lib/stats';

type Counts = { alerts: number; frames: number; atUs: number };

export interface Cell {
  clients: number;
  rate: number;
}

export interface LatencyOptions {
  cells: Cell[];
  reps: number;
  warmupS: number;
  measureS: number;
  servers: ServerKind[];
  /** Connections opened at once. */
  batchSize: number;
  /** After the producer stops, how long deliveries may still arrive. */
  drainS: number;
  log: (line: string) => void;
}

export interface RunResult {
  server: ServerKind;
  clients: number;
  rate: number;
  rep: number;
  error: string | null;
  connected: number;
  connectMs: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** 2xx answers per second during the measured window. */
  achievedRate: number;
  sendRate: number;
  /** alert:new deliveries received during the measured window (any send time), summed over clients, per second. */
  deliveriesPerS: number;
  /** All frames (alerts and other events) received per second during the window, across clients. */
  framesPerS: number;
  expected: number;
  delivered: number;
  deliveryRatio: number;
  /** Time from the end of sending to the last measured delivery. */
  tailMs: number;
  firstSecondP50: number;
  lastSecondP50: number;
  perSecondP50: number[];
  server_: ProcUsage | null;
  clients_: ProcUsage | null;
  producer_: ProcUsage | null;
  httpP99: number;
  producerMaxLagMs: number;
  clientLimited: boolean;
  producerLimited: boolean;
  sustainable: boolean;
  notes: string[];
  /** The machine's 1-minute load average at the end of the run (others' work shows here). */
  loadAvg1: number;
  /** The measured window on the monotonic clock (for matching a CPU profile). */
  windowUs: { fromUs: number; toUs: number };
}

export interface AggregateRow {
  server: ServerKind;
  clients: number;
  rate: number;
  runs: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  achievedRate: number;
  deliveriesPerS: number;
  framesPerS: number;
  deliveryRatio: number;
  serverCpuPct: number;
  serverRssMb: number;
  clientCpuPct: number;
  producerCpuPct: number;
  sustainable: string;
  clientLimited: boolean;
  producerLimited: boolean;
}

export interface CellResult {
  clients: number;
  rate: number;
  rasd: AggregateRow | null;
  ws: AggregateRow | null;
  /** The floors run in this cell (absent from results written before they existed). */
  floors?: AggregateRow[];
  /** Ratios of the medians, Rasd / ws. */
  ratioP50: number;
  ratioP99: number;
  /** Range of the per-repetition ratios (same repetition, back to back). */
  ratioP99Min: number;
  ratioP99Max: number;
}

export interface LatencyResult {
  options: Omit<LatencyOptions, 'log'>;
  cells: CellResult[];
  runs: RunResult[];
}

const memoryCeilingMb = 4_000;

export interface Rig {
  clients: Worker;
  producer: Worker;
  stop(): Promise<void>;
}

export function startRig(): Rig {
  const clients = new Worker('bench/workers/clients.ts', 'clients');
  const producer = new Worker('bench/workers/producer.ts', 'producer');
  return {
    clients,
    producer,
    async stop() {
      await Promise.all([clients.stop(), producer.stop()]);
    },
  };
}

/** One server, C clients, R/s for warm-up + measured window; everything torn down afterwards. */
export async function runOnce(
  rig: Rig,
  kind: ServerKind,
  cell: Cell,
  rep: number,
  o: Pick<LatencyOptions, 'warmupS' | 'measureS' | 'batchSize' | 'drainS' | 'log'>,
  cpuProfDir?: string,
): Promise<RunResult> {
  const notes: string[] = [];
  const result: RunResult = {
    server: kind,
    clients: cell.clients,
    rate: cell.rate,
    rep,
    error: null,
    connected: 0,
    connectMs: Number.NaN,
    p50: Number.NaN,
    p90: Number.NaN,
    p99: Number.NaN,
    max: Number.NaN,
    achievedRate: Number.NaN,
    sendRate: Number.NaN,
    deliveriesPerS: Number.NaN,
    framesPerS: Number.NaN,
    expected: 0,
    delivered: 0,
    deliveryRatio: Number.NaN,
    tailMs: Number.NaN,
    firstSecondP50: Number.NaN,
    lastSecondP50: Number.NaN,
    perSecondP50: [],
    server_: null,
    clients_: null,
    producer_: null,
    httpP99: Number.NaN,
    producerMaxLagMs: Number.NaN,
    clientLimited: false,
    producerLimited: false,
    sustainable: false,
    notes,
    loadAvg1: Number.NaN,
    windowUs: { fromUs: 0, toUs: 0 },
  };
  const server = await startServer(kind, cpuProfDir ? { cpuProfDir } : {});
  let aborted: string | null = null;
  try {
    const cookie = await login(server);
    const conn = await rig.clients.call<ConnectResult>(
      'connect',
      { url: server.url, mode: kind === 'rasd' ? 'socketio' : 'raw-ws', count: cell.clients, batchSize: o.batchSize, cookie, origin: server.url, timeoutS: 30 },
      600_000,
    );
    result.connected = conn.connected;
    result.connectMs = conn.ms;
    if (conn.failed > 0) notes.push(`${conn.failed} connections failed (${conn.firstError ?? '?'})`);
    if (conn.connected === 0) throw new Error(`no client connected: ${conn.firstError ?? '?'}`);
    await rig.clients.call('reset');

    const sampler = new ProcSampler({ server: server.pid, clients: rig.clients.pid, producer: rig.producer.pid }, (name, rss) => {
      if (rss > memoryCeilingMb && !aborted) {
        aborted = `${name} RSS passed ${memoryCeilingMb} MB: run stopped`;
        void rig.producer.call('abort').catch(() => undefined);
      }
    });
    const runTag = randomBytes(4).toString('hex');
    const producerRun = rig.producer.call<ProducerResult>(
      'run',
      {
        url: server.url,
        secret: server.secret,
        runTag,
        phases: [
          { label: 'warm-up', rate: cell.rate, durationS: o.warmupS, measured: false },
          { label: 'measured', rate: cell.rate, durationS: o.measureS, measured: true },
        ],
        drainTimeoutS: o.drainS + 10,
      },
      (o.warmupS + o.measureS + o.drainS + 60) * 1000,
    );
    await sleep(o.warmupS * 1000);
    sampler.start();
    const countsStart = await rig.clients.call<Counts>('counts');
    await sleep(o.measureS * 1000);
    const countsEnd = await rig.clients.call<Counts>('counts');
    const usage = sampler.stop();
    result.loadAvg1 = os.loadavg()[0] ?? Number.NaN;
    const produced = await producerRun;
    const measured = produced.phases.find((p) => p.measured);
    if (!measured) throw new Error('the producer ran no measured phase');
    result.windowUs = { fromUs: measured.startUs, toUs: measured.endUs };

    // Deliveries may still be on their way: wait until all arrived, or none came for a second.
    // Expected: every detection offered in the window and not refused, to every client (one the
    // server never got to answer is still owed to the desks: missing it is backlog, not noise).
    const expected = (measured.sent - measured.errors) * conn.connected;
    let stats = await rig.clients.call<ClientStats>('stats');
    const drainDeadline = Date.now() + o.drainS * 1000;
    let lastCount = -1;
    let lastGrowth = Date.now();
    while (stats.measuredAlerts < expected && Date.now() < drainDeadline && !aborted) {
      if (stats.measuredAlerts !== lastCount) {
        lastCount = stats.measuredAlerts;
        lastGrowth = Date.now();
      } else if (Date.now() - lastGrowth > 1000) break;
      await sleep(200);
      stats = await rig.clients.call<ClientStats>('stats');
    }

    const latency = LogHistogram.fromJSON(stats.latency).summary();
    const windowS = (measured.endUs - measured.startUs) / 1e6;
    const tailMs = stats.lastMeasuredRecvUs > 0 ? (stats.lastMeasuredRecvUs - measured.endUs) / 1000 : Number.NaN;
    // Deliveries per second: every alert received during the window, whichever phase sent it
    // (a saturated server may still be delivering warm-up alerts: those are deliveries too).
    const countSpanS = (countsEnd.atUs - countsStart.atUs) / 1e6;
    const perSecond = stats.perSecond.filter((s) => s.second >= 0);
    const third = Math.max(1, Math.floor(perSecond.length / 3));
    Object.assign(result, {
      p50: latency.p50,
      p90: latency.p90,
      p99: latency.p99,
      max: latency.max,
      achievedRate: measured.achievedRate,
      sendRate: measured.sendRate,
      expected,
      delivered: stats.measuredAlerts,
      deliveryRatio: expected > 0 ? stats.measuredAlerts / expected : Number.NaN,
      deliveriesPerS: (countsEnd.alerts - countsStart.alerts) / countSpanS,
      framesPerS: (countsEnd.frames - countsStart.frames) / countSpanS,
      tailMs,
      perSecondP50: perSecond.map((s) => s.p50),
      firstSecondP50: mean(perSecond.slice(0, third).map((s) => s.p50)),
      lastSecondP50: mean(perSecond.slice(-third).map((s) => s.p50)),
      server_: usage.server ?? null,
      clients_: usage.clients ?? null,
      producer_: usage.producer ?? null,
      httpP99: LogHistogram.fromJSON(measured.http).percentile(99),
      producerMaxLagMs: measured.maxLagMs,
    } satisfies Partial<RunResult>);
    if (stats.disconnects > 0) notes.push(`${stats.disconnects} clients disconnected (${stats.firstError ?? '?'})`);
    if (measured.errors > 0) notes.push(`${measured.errors} ingest errors (${produced.firstError ?? '?'})`);
    if (produced.inFlightAtEnd > 0) notes.push(`${produced.inFlightAtEnd} requests unanswered after the drain`);

    result.clientLimited = (result.clients_?.cpuPct ?? 0) > 90;
    result.producerLimited = (result.producer_?.cpuPct ?? 0) > 90 || measured.maxLagMs > 100;
    const keptUp = result.achievedRate >= 0.95 * cell.rate;
    const allDelivered = result.deliveryRatio >= 0.99;
    const drainedFast = !(tailMs > 1000);
    // A trend needs a few seconds to mean anything; shorter windows rely on the tail and the count.
    const growing =
      perSecond.length >= 5 && result.lastSecondP50 > 2 * result.firstSecondP50 && result.lastSecondP50 - result.firstSecondP50 > 10;
    result.sustainable = keptUp && allDelivered && drainedFast && !growing && !aborted && measured.errors === 0;
    if (!keptUp) notes.push(`ingest kept up with ${fmt((result.achievedRate / cell.rate) * 100, 0)}% of the rate`);
    if (!allDelivered) notes.push(`${fmt(result.deliveryRatio * 100, 1)}% delivered`);
    if (!drainedFast) notes.push(`backlog: last delivery ${fmtInt(tailMs)} ms after sending stopped`);
    if (growing) notes.push(`latency grew: p50 ${fmt(result.firstSecondP50)} → ${fmt(result.lastSecondP50)} ms over the window`);
    if (aborted) notes.push(aborted);
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    const tail = server.logTail();
    if (tail) result.notes.push(`server log: ${tail.split('\n').slice(-5).join(' | ')}`);
  } finally {
    await rig.clients.call('close').catch(() => undefined);
    await server.stop();
  }
  return result;
}

function aggregate(runs: RunResult[]): AggregateRow | null {
  const ok = runs.filter((r) => r.error === null);
  const first = runs[0];
  if (!first) return null;
  const med = (f: (r: RunResult) => number) => medianOfFinite(ok.map(f));
  return {
    server: first.server,
    clients: first.clients,
    rate: first.rate,
    runs: ok.length,
    p50: med((r) => r.p50),
    p90: med((r) => r.p90),
    p99: med((r) => r.p99),
    max: med((r) => r.max),
    achievedRate: med((r) => r.achievedRate),
    deliveriesPerS: med((r) => r.deliveriesPerS),
    framesPerS: med((r) => r.framesPerS),
    deliveryRatio: med((r) => r.deliveryRatio),
    serverCpuPct: med((r) => r.server_?.cpuPct ?? Number.NaN),
    serverRssMb: med((r) => r.server_?.rssPeakMb ?? Number.NaN),
    clientCpuPct: med((r) => r.clients_?.cpuPct ?? Number.NaN),
    producerCpuPct: med((r) => r.producer_?.cpuPct ?? Number.NaN),
    sustainable: `${ok.filter((r) => r.sustainable).length}/${runs.length}`,
    clientLimited: ok.filter((r) => r.clientLimited).length * 2 > ok.length,
    producerLimited: ok.filter((r) => r.producerLimited).length * 2 > ok.length,
  };
}

/** The grid, repetitions interleaved (Rasd and the reference back to back, alternating order). */
export async function runLatency(options: LatencyOptions): Promise<LatencyResult> {
  const rig = startRig();
  const runs: RunResult[] = [];
  try {
    for (let rep = 1; rep <= options.reps; rep++) {
      for (const cell of options.cells) {
        const order = rep % 2 === 1 ? options.servers : [...options.servers].reverse();
        for (const kind of order) {
          options.log(`latency: rep ${rep}/${options.reps}, C=${cell.clients} × R=${cell.rate}/s, ${kind} …`);
          const started = nowUs();
          const r = await runOnce(rig, kind, cell, rep, options);
          runs.push(r);
          options.log(
            `  ${kind}: p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms, ${fmtInt(r.deliveriesPerS)} deliveries/s, ` +
              `server CPU ${fmtInt(r.server_?.cpuPct)}%, clients CPU ${fmtInt(r.clients_?.cpuPct)}%, load ${fmt(r.loadAvg1)}` +
              `${r.sustainable ? '' : ', NOT sustainable'}${r.error ? `, ERROR ${r.error}` : ''}` +
              `${r.notes.length ? ` (${r.notes.join('; ')})` : ''} [${fmt((nowUs() - started) / 1e6, 0)} s]`,
          );
        }
      }
    }
  } finally {
    await rig.stop();
  }
  const cells: CellResult[] = options.cells.map((cell) => {
    const of = (kind: ServerKind) => runs.filter((r) => r.server === kind && r.clients === cell.clients && r.rate === cell.rate);
    const rasd = aggregate(of('rasd'));
    const ws = aggregate(of('ws'));
    const paired = of('rasd')
      .map((r) => ratio(r.p99, of('ws').find((w) => w.rep === r.rep)?.p99 ?? Number.NaN))
      .filter(Number.isFinite);
    const floors = floorKinds.map((kind) => aggregate(of(kind))).filter((row) => row !== null);
    return {
      clients: cell.clients,
      rate: cell.rate,
      rasd,
      ws,
      floors,
      ratioP50: ratio(rasd?.p50 ?? Number.NaN, ws?.p50 ?? Number.NaN),
      ratioP99: ratio(rasd?.p99 ?? Number.NaN, ws?.p99 ?? Number.NaN),
      ratioP99Min: paired.length ? Math.min(...paired) : Number.NaN,
      ratioP99Max: paired.length ? Math.max(...paired) : Number.NaN,
    };
  });
  const { log: _log, ...rest } = options;
  return { options: rest, cells, runs };
}

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { ClientStats, ConnectResult } from '../lib/clients';
import { onExit } from '../lib/children';
import { sleep } from '../lib/clock';
import { ProcSampler } from '../lib/proc';
import type { ProducerResult } from '../lib/producer';
import { fmt, fmtInt, fmtPct, table } from '../lib/report';
import { login, startServer } from '../lib/server-process';
import { oneAtATime, type OneAtATime } from '../lib/one-at-a-time';
import { LogHistogram } from '../lib/stats';
import { startRig, type Rig } from './latency';

export type DbKind = 'pglite' | 'postgres';

export interface ThroughputOptions {
  databases: DbKind[];
  /** Offered rates tried in order until one is not sustained. */
  steps: number[];
  stepS: number;
  warmupS: number;
  clients: number;
  /** Bisections between the last sustained and the first failed step. */
  refinements: number;
  /** Measure HTTP latency at 50% and 90% of the maximum found (skipped by --quick). */
  partialLoads: boolean;
  /** Detections posted one at a time before the ramp (after as many again unmeasured). */
  oneAtATime: number;
  postgresUrl: string;
  log: (line: string) => void;
}

export interface StepResult {
  label: string;
  target: number;
  achieved: number;
  sent: number;
  ok: number;
  errors: number;
  httpP50: number;
  httpP99: number;
  httpMax: number;
  unanswered: number;
  /** Fan-out to the connected clients during the step (delivered / expected). */
  delivered: number;
  serverCpuPct: number;
  serverRssMb: number;
  clientCpuPct: number;
  producerCpuPct: number;
  sustained: boolean;
  why: string;
}

export interface DbThroughput {
  database: DbKind;
  skipped: string | null;
  error: string | null;
  steps: StepResult[];
  maxSustained: number;
  at50: StepResult | null;
  at90: StepResult | null;
  oneAtATime: OneAtATime | null;
}

export interface ThroughputResult {
  options: Omit<ThroughputOptions, 'log' | 'postgresUrl'>;
  databases: DbThroughput[];
}

interface Schema {
  url: string;
  drop(): void;
}

/** A fresh schema on the PostgreSQL server, so the benchmark never touches anyone's tables. */
function createSchema(baseUrl: string): Schema {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const psql = (sql: string) => execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', baseUrl, '-c', sql], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  psql(`CREATE SCHEMA ${name}`);
  let dropped = false;
  const drop = () => {
    if (dropped) return;
    dropped = true;
    try {
      psql(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
    } catch {
      // best effort: the schema name starts with bench_
    }
  };
  const unhook = onExit(drop);
  const sep = baseUrl.includes('?') ? '&' : '?';
  return {
    url: `${baseUrl}${sep}options=-c%20search_path%3D${name}`,
    drop: () => {
      unhook();
      drop();
    },
  };
}

async function runStep(
  rig: Rig,
  server: { url: string; secret: string; pid: number },
  connected: number,
  label: string,
  rate: number,
  o: ThroughputOptions,
  baselineP99: number | null,
): Promise<StepResult> {
  await rig.clients.call('reset');
  const sampler = new ProcSampler({ server: server.pid, clients: rig.clients.pid, producer: rig.producer.pid });
  const run = rig.producer.call<ProducerResult>(
    'run',
    {
      url: server.url,
      secret: server.secret,
      runTag: randomBytes(4).toString('hex'),
      phases: [
        { label: 'warm-up', rate, durationS: o.warmupS, measured: false },
        { label, rate, durationS: o.stepS, measured: true },
      ],
      drainTimeoutS: 20,
      maxSockets: 512,
    },
    (o.warmupS + o.stepS + 60) * 1000,
  );
  await sleep(o.warmupS * 1000);
  sampler.start();
  await sleep(o.stepS * 1000);
  const usage = sampler.stop();
  const produced = await run;
  const step = produced.phases.find((p) => p.measured)!;
  await sleep(300);
  const stats = await rig.clients.call<ClientStats>('stats');
  const http = LogHistogram.fromJSON(step.http);
  const p99 = http.percentile(99);
  const keptUp = step.achievedRate >= 0.95 * rate;
  const p99Limit = Math.max(250, 10 * (baselineP99 ?? 0));
  const reasons = [
    keptUp ? '' : `achieved ${fmt((step.achievedRate / rate) * 100, 0)}%`,
    step.errors > 0 ? `${step.errors} errors (${produced.firstError ?? '?'})` : '',
    produced.inFlightAtEnd > 0 ? `${produced.inFlightAtEnd} unanswered` : '',
    p99 > p99Limit ? `p99 ${fmtInt(p99)} ms > ${fmtInt(p99Limit)} ms` : '',
  ].filter(Boolean);
  return {
    label,
    target: rate,
    achieved: step.achievedRate,
    sent: step.sent,
    ok: step.ok,
    errors: step.errors,
    httpP50: http.percentile(50),
    httpP99: p99,
    httpMax: http.max,
    unanswered: produced.inFlightAtEnd,
    delivered: step.ok * connected > 0 ? stats.measuredAlerts / (step.ok * connected) : Number.NaN,
    serverCpuPct: usage.server?.cpuPct ?? Number.NaN,
    serverRssMb: usage.server?.rssPeakMb ?? Number.NaN,
    clientCpuPct: usage.clients?.cpuPct ?? Number.NaN,
    producerCpuPct: usage.producer?.cpuPct ?? Number.NaN,
    sustained: reasons.length === 0,
    why: reasons.join('; '),
  };
}

async function runDatabase(rig: Rig, database: DbKind, o: ThroughputOptions): Promise<DbThroughput> {
  const out: DbThroughput = { database, skipped: null, error: null, steps: [], maxSustained: 0, at50: null, at90: null, oneAtATime: null };
  let schema: Schema | null = null;
  if (database === 'postgres') {
    try {
      schema = createSchema(o.postgresUrl);
    } catch (error) {
      out.skipped = `PostgreSQL not reachable at ${o.postgresUrl.replace(/\/\/[^@]*@/, '//…@')}: ${(error as Error).message.split('\n')[0]}`;
      return out;
    }
  }
  let server;
  try {
    server = await startServer('rasd', schema ? { databaseUrl: schema.url } : {});
  } catch (error) {
    schema?.drop();
    out.error = (error as Error).message;
    return out;
  }
  try {
    const cookie = await login(server);
    const conn = await rig.clients.call<ConnectResult>(
      'connect',
      { url: server.url, mode: 'socketio', count: o.clients, batchSize: 50, cookie, origin: server.url, timeoutS: 30 },
      300_000,
    );
    o.log(`throughput ${database}: ${fmtInt(o.oneAtATime)} detections one at a time …`);
    out.oneAtATime = await oneAtATime(server, o.oneAtATime, Math.ceil(o.oneAtATime / 10));
    let baseline: number | null = null;
    let lastPass: StepResult | null = null;
    let firstFail: StepResult | null = null;
    for (const rate of o.steps) {
      o.log(`throughput ${database}: ${fmtInt(rate)}/s …`);
      const step = await runStep(rig, server, conn.connected, `${rate}/s`, rate, o, baseline);
      out.steps.push(step);
      o.log(
        `  achieved ${fmtInt(step.achieved)}/s, HTTP p99 ${fmt(step.httpP99)} ms, server CPU ${fmtInt(step.serverCpuPct)}%, ` +
          `clients CPU ${fmtInt(step.clientCpuPct)}%, delivered ${fmt(step.delivered * 100, 1)}%${step.sustained ? '' : ` — not sustained: ${step.why}`}`,
      );
      baseline ??= step.httpP99;
      if (!step.sustained) {
        firstFail = step;
        break;
      }
      lastPass = step;
      await sleep(500);
    }
    for (let i = 0; i < o.refinements && lastPass && firstFail; i++) {
      const mid = Math.round((lastPass.target + firstFail.target) / 2 / 5) * 5;
      if (mid <= lastPass.target || mid >= firstFail.target) break;
      o.log(`throughput ${database}: refining at ${fmtInt(mid)}/s …`);
      await sleep(1000);
      const step = await runStep(rig, server, conn.connected, `${mid}/s (refine)`, mid, o, baseline);
      out.steps.push(step);
      if (step.sustained) lastPass = step;
      else firstFail = step;
    }
    out.maxSustained = lastPass ? Math.min(lastPass.target, lastPass.achieved) : 0;
    if (lastPass && o.partialLoads) {
      for (const frac of [0.5, 0.9] as const) {
        const rate = Math.max(1, Math.round(lastPass.target * frac));
        o.log(`throughput ${database}: ${frac * 100}% of max = ${fmtInt(rate)}/s …`);
        await sleep(1000);
        const step = await runStep(rig, server, conn.connected, `${frac * 100}% (${rate}/s)`, rate, o, baseline);
        if (frac === 0.5) out.at50 = step;
        else out.at90 = step;
      }
    }
  } catch (error) {
    out.error = error instanceof Error ? error.message : String(error);
  } finally {
    await rig.clients.call('close').catch(() => undefined);
    await server.stop();
    schema?.drop();
  }
  return out;
}

export async function runThroughput(o: ThroughputOptions): Promise<ThroughputResult> {
  const rig = startRig();
  const databases: DbThroughput[] = [];
  try {
    for (const db of o.databases) databases.push(await runDatabase(rig, db, o));
  } finally {
    await rig.stop();
  }
  const { log: _log, postgresUrl: _url, ...rest } = o;
  return { options: rest, databases };
}

export function throughputTables(result: ThroughputResult): string {
  const summary = table(
    ['database', 'max sustained /s', 'p50 / p99 ms at 50%', 'p50 / p99 ms at 90%', 'server CPU at 90%', 'clients CPU at 90%', 'note'],
    result.databases.map((d) => [
      d.database,
      d.skipped ? 'skipped' : fmtInt(d.maxSustained),
      d.at50 ? `${fmt(d.at50.httpP50)} / ${fmt(d.at50.httpP99)} (${fmtInt(d.at50.target)}/s)` : '—',
      d.at90 ? `${fmt(d.at90.httpP50)} / ${fmt(d.at90.httpP99)} (${fmtInt(d.at90.target)}/s)` : '—',
      d.at90 ? fmtInt(d.at90.serverCpuPct) + '%' : '—',
      d.at90 ? fmtInt(d.at90.clientCpuPct) + '%' : '—',
      d.skipped ?? d.error ?? '',
    ]),
  );
  const ramp = table(
    ['database', 'offered /s', 'achieved /s', 'HTTP p50 ms', 'HTTP p99 ms', 'fan-out delivered', 'server CPU', 'server RSS MB', 'clients CPU', 'producer CPU', 'sustained'],
    result.databases.flatMap((d) =>
      d.steps.map((s) => [
        d.database,
        s.label,
        fmtInt(s.achieved),
        fmt(s.httpP50),
        fmt(s.httpP99),
        fmtPct(s.delivered),
        fmtInt(s.serverCpuPct) + '%',
        fmtInt(s.serverRssMb),
        fmtInt(s.clientCpuPct) + '%',
        fmtInt(s.producerCpuPct) + '%',
        s.sustained ? 'yes' : `no: ${s.why}`,
      ]),
    ),
  );
  const single = table(
    ['database', 'detection p50 ms', 'p90 ms', 'p99 ms', '/healthz p50 ms', 'detection − /healthz p50 ms', 'n'],
    result.databases.flatMap(({ database, oneAtATime: one }) =>
      one
        ? [[database, fmt(one.detection.p50), fmt(one.detection.p90), fmt(one.detection.p99), fmt(one.healthz.p50), fmt(one.detection.p50 - one.healthz.p50), fmtInt(one.detection.n)]]
        : [],
    ),
  );
  return (
    `${summary}\n\nRamp:\n\n${ramp}\n\n` +
    `One detection at a time (each posted when the last was answered, clients connected; a GET /healthz on the same connection after each):\n\n${single}`
  );
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { repoRoot } from '../lib/children';
import { sleep, withTimeout } from '../lib/clock';
import { Worker } from '../lib/ipc';
import type { ProducerResult } from '../lib/producer';
import { fmt, fmtInt, table } from '../lib/report';
import { startServer } from '../lib/server-process';
import { linearSlope, percentile } from '../lib/stats';

export interface DashboardOptions {
  incidents: number;
  preloadRate: number;
  /** Live detections per second while the page is open. */
  streamRate: number;
  soakS: number;
  heapEveryS: number;
  panZoomS: number;
  chromiumPath: string;
  log: (line: string) => void;
}

export interface FrameStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Frames longer than 50 ms (a visible hitch). */
  over50: number;
}

export interface HeapSample {
  tS: number;
  usedMb: number;
  totalMb: number;
  domNodes: number;
  markers: number;
}

export interface DashboardResult {
  skipped: string | null;
  error: string | null;
  incidents: number;
  preloaded: number;
  /** Login submit → connection indicator says connected. */
  connectedMs: number;
  /** Login submit → the first incident marker is drawn. */
  firstMarkerMs: number;
  /** Login submit → every preloaded incident's marker is drawn: the map's first full render. */
  firstRenderMs: number;
  markersAtRender: number;
  heap: HeapSample[];
  heapAfterWarmupMb: number;
  heapEndMb: number;
  heapSlopeMbPerMin: number;
  frames: { streamOnly: FrameStats | null; panZoom: FrameStats | null };
  streamSent: number;
  streamOk: number;
  pageErrors: string[];
  options: Omit<DashboardOptions, 'log'>;
}

function frameStats(deltas: number[]): FrameStats {
  const sorted = deltas.filter((d) => d > 0).sort((a, b) => a - b);
  return {
    frames: sorted.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    over50: sorted.filter((d) => d > 50).length,
  };
}

declare global {
  interface Window {
    __benchFrames?: number[];
    __benchRecording?: boolean;
  }
}

async function startFrameRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__benchFrames = [];
    window.__benchRecording = true;
    let last = -1;
    const tick = (t: number) => {
      if (last >= 0) window.__benchFrames!.push(t - last);
      last = t;
      if (window.__benchRecording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopFrameRecording(page: Page): Promise<number[]> {
  return withTimeout(
    page.evaluate(() => {
      window.__benchRecording = false;
      return window.__benchFrames ?? [];
    }),
    60_000,
    'reading frame times',
  );
}

const countMarkers = (page: Page) =>
  withTimeout(page.evaluate(() => document.querySelectorAll('path.incident-marker').length), 60_000, 'counting markers');

async function sampleHeap(page: Page, cdp: CDPSession, tS: number): Promise<HeapSample> {
  await withTimeout(cdp.send('HeapProfiler.collectGarbage'), 60_000, 'GC');
  const heap = await withTimeout(cdp.send('Runtime.getHeapUsage'), 60_000, 'heap usage');
  const metrics = await withTimeout(cdp.send('Performance.getMetrics'), 60_000, 'metrics');
  const nodes = metrics.metrics.find((m) => m.name === 'Nodes')?.value ?? Number.NaN;
  return { tS, usedMb: heap.usedSize / 2 ** 20, totalMb: heap.totalSize / 2 ** 20, domNodes: nodes, markers: await countMarkers(page) };
}

/** Drags the map around and wheels it in and out for `seconds`. */
async function panAndZoom(page: Page, seconds: number): Promise<void> {
  const box = await page.locator('[data-testid="desk-map"]').boundingBox();
  if (!box) throw new Error('map not visible');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const r = Math.min(box.width, box.height) / 5;
  const end = Date.now() + seconds * 1000;
  let i = 0;
  while (Date.now() < end) {
    const a = (i * Math.PI) / 3;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + r * Math.cos(a), cy + r * Math.sin(a), { steps: 12 });
    await page.mouse.up();
    if (i % 3 === 2) {
      await page.mouse.wheel(0, i % 6 === 2 ? -240 : 240);
      await sleep(150);
    }
    i++;
  }
}

export async function runDashboard(o: DashboardOptions): Promise<DashboardResult> {
  const { log, ...options } = o;
  const out: DashboardResult = {
    skipped: null,
    error: null,
    incidents: o.incidents,
    preloaded: 0,
    connectedMs: Number.NaN,
    firstMarkerMs: Number.NaN,
    firstRenderMs: Number.NaN,
    markersAtRender: 0,
    heap: [],
    heapAfterWarmupMb: Number.NaN,
    heapEndMb: Number.NaN,
    heapSlopeMbPerMin: Number.NaN,
    frames: { streamOnly: null, panZoom: null },
    streamSent: 0,
    streamOk: 0,
    pageErrors: [],
    options,
  };
  if (!existsSync(path.join(repoRoot, 'client/dist/index.html'))) {
    out.skipped = 'skipped: client not built (run `pnpm build` first)';
    return out;
  }
  if (!existsSync(o.chromiumPath)) {
    out.skipped = `skipped: no Chromium at ${o.chromiumPath}`;
    return out;
  }

  const producer = new Worker('bench/workers/producer.ts', 'producer');
  const server = await startServer('rasd');
  let browser: Browser | null = null;
  let stream: Promise<ProducerResult> | null = null;
  try {
    log(`dashboard: preloading ${fmtInt(o.incidents)} incidents …`);
    const preload = await producer.call<ProducerResult>(
      'run',
      {
        url: server.url,
        secret: server.secret,
        runTag: randomBytes(4).toString('hex'),
        phases: [{ label: 'preload', rate: o.preloadRate, durationS: o.incidents / o.preloadRate + 0.5, measured: false, maxCount: o.incidents }],
        drainTimeoutS: 120,
        kindMix: true,
      },
      600_000,
    );
    out.preloaded = preload.phases[0]?.ok ?? 0;
    if (out.preloaded < o.incidents) throw new Error(`preload stored ${out.preloaded} of ${o.incidents} (${preload.firstError ?? '?'})`);

    browser = await chromium.launch({
      executablePath: o.chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    page.setDefaultTimeout(60_000);
    page.on('pageerror', (e) => out.pageErrors.length < 20 && out.pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && out.pageErrors.length < 20 && out.pageErrors.push(m.text()));
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    try {
      await page.waitForSelector('input[name="username"]', { timeout: 15_000 });
    } catch {
      out.skipped = 'skipped: client not built (no login form at /)';
      return out;
    }
    await page.fill('input[name="username"]', server.username);
    await page.fill('input[name="password"]', server.password);

    log('dashboard: logging in and waiting for the map …');
    const t0 = Date.now();
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]', { timeout: 120_000 });
    out.connectedMs = Date.now() - t0;
    await page.waitForSelector('path.incident-marker', { state: 'attached', timeout: 120_000 });
    out.firstMarkerMs = Date.now() - t0;
    await page.waitForFunction((n) => document.querySelectorAll('path.incident-marker').length >= n, o.incidents, {
      polling: 'raf',
      timeout: 300_000,
    });
    out.firstRenderMs = Date.now() - t0;
    out.markersAtRender = await countMarkers(page);
    log(`  connected ${fmtInt(out.connectedMs)} ms, first marker ${fmtInt(out.firstMarkerMs)} ms, all ${fmtInt(out.markersAtRender)} markers ${fmtInt(out.firstRenderMs)} ms`);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const streamS = o.soakS + o.panZoomS + 15;
    stream = producer.call<ProducerResult>(
      'run',
      {
        url: server.url,
        secret: server.secret,
        runTag: randomBytes(4).toString('hex'),
        phases: [{ label: 'stream', rate: o.streamRate, durationS: streamS, measured: false }],
        drainTimeoutS: 30,
        kindMix: true,
      },
      (streamS + 120) * 1000,
    );
    log(`dashboard: ${o.streamRate} updates/s for ${o.soakS} s, heap every ${o.heapEveryS} s …`);
    const soakStart = Date.now();
    out.heap.push(await sampleHeap(page, cdp, 0));
    while (Date.now() - soakStart < o.soakS * 1000) {
      await sleep(Math.min(o.heapEveryS * 1000, Math.max(0, o.soakS * 1000 - (Date.now() - soakStart))));
      const sample = await sampleHeap(page, cdp, (Date.now() - soakStart) / 1000);
      out.heap.push(sample);
      log(`  t=${fmt(sample.tS, 0)} s heap ${fmt(sample.usedMb)} MB, ${fmtInt(sample.markers)} markers, ${fmtInt(sample.domNodes)} DOM nodes`);
    }
    const warm = out.heap.filter((h) => h.tS >= Math.min(o.soakS * 0.2, 60));
    out.heapAfterWarmupMb = warm[0]?.usedMb ?? Number.NaN;
    out.heapEndMb = out.heap[out.heap.length - 1]?.usedMb ?? Number.NaN;
    out.heapSlopeMbPerMin = linearSlope(warm.map((h) => h.tS / 60), warm.map((h) => h.usedMb));

    log('dashboard: frame times, stream only …');
    await startFrameRecording(page);
    await sleep(3000);
    out.frames.streamOnly = frameStats(await stopFrameRecording(page));
    log(`dashboard: frame times while panning and zooming for ${o.panZoomS} s …`);
    await startFrameRecording(page);
    await panAndZoom(page, o.panZoomS);
    out.frames.panZoom = frameStats(await stopFrameRecording(page));
    log(`  pan/zoom frames: median ${fmt(out.frames.panZoom.medianMs)} ms, p95 ${fmt(out.frames.panZoom.p95Ms)} ms`);
  } catch (error) {
    out.error = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  } finally {
    if (stream) {
      await producer.call('abort').catch(() => undefined);
      const streamed = await stream.catch(() => null);
      out.streamSent = streamed?.phases[0]?.sent ?? 0;
      out.streamOk = streamed?.phases[0]?.ok ?? 0;
    }
    await browser?.close().catch(() => undefined);
    await producer.stop();
    await server.stop();
  }
  return out;
}

export function dashboardTables(r: DashboardResult): string {
  if (r.skipped) return r.skipped;
  const rows: string[][] = [
    ['incidents preloaded', fmtInt(r.preloaded)],
    ['login → connected', `${fmtInt(r.connectedMs)} ms`],
    ['login → first marker', `${fmtInt(r.firstMarkerMs)} ms`],
    ['login → all preloaded markers (first render)', `${fmtInt(r.firstRenderMs)} ms`],
    [`JS heap after warm-up`, `${fmt(r.heapAfterWarmupMb)} MB`],
    [`JS heap after ${fmt(r.options.soakS / 60, 1)} min of ${r.options.streamRate}/s`, `${fmt(r.heapEndMb)} MB (${fmtInt(r.heap[r.heap.length - 1]?.markers)} markers)`],
    ['heap trend after warm-up', `${fmt(r.heapSlopeMbPerMin, 2)} MB/min`],
    [
      'frames, stream only: median / p95 / max',
      r.frames.streamOnly ? `${fmt(r.frames.streamOnly.medianMs)} / ${fmt(r.frames.streamOnly.p95Ms)} / ${fmt(r.frames.streamOnly.maxMs, 0)} ms` : '—',
    ],
    [
      'frames, panning/zooming: median / p95 / max',
      r.frames.panZoom ? `${fmt(r.frames.panZoom.medianMs)} / ${fmt(r.frames.panZoom.p95Ms)} / ${fmt(r.frames.panZoom.maxMs, 0)} ms (${r.frames.panZoom.over50} of ${r.frames.panZoom.frames} frames > 50 ms)` : '—',
    ],
    ['live updates sent / stored', `${fmtInt(r.streamSent)} / ${fmtInt(r.streamOk)}`],
  ];
  if (r.error) rows.push(['error', r.error]);
  if (r.pageErrors.length) rows.push(['page errors', r.pageErrors.slice(0, 3).join(' | ')]);
  return table(['dashboard', 'value'], rows);
}

import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { repoRoot } from '../lib/children';
import { sleep, withTimeout } from '../lib/clock';
import { descendants, readCpuSeconds, readRssMb } from '../lib/proc';
import { fmt, fmtInt } from '../lib/report';
import { percentile } from '../lib/stats';

// The dashboard section's side inside the desk's page: what it records there and how it drives it.

export interface FrameStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Frames longer than the 20 ms target (absent in results before 2026-12-04's last runs). */
  over20?: number;
  /** Frames longer than 50 ms (a visible hitch). */
  over50: number;
}

export interface Sample {
  /** Seconds into the stream. */
  tS: number;
  /** Chromium renderer processes (read from /proc: answers however busy the page is). */
  rendererRssMb: number;
  rendererCpuPct: number;
  /** JS heap after a forced GC, when the page answered within the timeout. */
  heapMb: number;
  markers: number;
  domNodes: number;
  /** How long the page took to answer the in-page part of this sample. */
  answerS: number;
  error?: string;
}

declare global {
  interface Window {
    __benchFrames?: number[];
    __benchLong?: { n: number; ms: number };
    __benchDrawn: () => number;
    __benchNumber: (text: string) => number;
  }
}

/**
 * Runs in the page before its own scripts: records every animation frame's timestamp (epoch ms)
 * and the long tasks, from the start, so frame times of a busy period can be read once the page
 * is free again. A string, not a function: tsx would wrap inner functions in its `__name` helper,
 * which does not exist in the page (defined here too, for the functions passed to page.evaluate).
 */
export const initScript = `
  globalThis.__name = globalThis.__name || ((fn) => fn);
  window.__benchFrames = [];
  window.__benchLong = { n: 0, ms: 0 };
  window.__benchNumber = ${numberInPage.toString()};
  window.__benchDrawn = ${drawnInPage.toString()};
  const tick = (t) => {
    if (window.__benchFrames.length < 500000) window.__benchFrames.push(performance.timeOrigin + t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { window.__benchLong.n++; window.__benchLong.ms += e.duration; }
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
`;

/** Frame durations of the frames that ended within [fromMs, toMs] (epoch ms). */
export function frameStats(stamps: readonly number[], fromMs: number, toMs: number): FrameStats {
  const deltas: number[] = [];
  for (let i = 1; i < stamps.length; i++) {
    const t = stamps[i]!;
    if (t > fromMs && t <= toMs) deltas.push(t - stamps[i - 1]!);
  }
  // A window with no frame at all was one long frame.
  if (deltas.length === 0) deltas.push(toMs - fromMs);
  deltas.sort((a, b) => a - b);
  return {
    frames: deltas.length,
    medianMs: percentile(deltas, 50),
    p95Ms: percentile(deltas, 95),
    maxMs: deltas[deltas.length - 1]!,
    over20: deltas.filter((d) => d > 20).length,
    over50: deltas.filter((d) => d > 50).length,
  };
}

/** A count as the page writes it (in its digits, Arabic-Indic included). Runs in the page. */
export function numberInPage(text: string): number {
  return (
    Number(
      text
        .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
        .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
        .replace(/[^0-9]/g, ''),
    ) || 0
  );
}

/** Incidents the map shows: single markers plus the counts written on cluster discs. Runs in the page. */
export function drawnInPage(): number {
  let n = document.querySelectorAll('path.incident-marker').length;
  for (const el of Array.from(document.querySelectorAll('.cluster-marker .cluster-count'))) n += window.__benchNumber(el.textContent ?? '');
  return n;
}

/** What the page shows when it does not draw what it was sent: the map's count and the queue's. */
export const shownCounts = () => ({ drawn: window.__benchDrawn(), queue: window.__benchNumber(document.querySelector('[data-testid="incident-count"]')?.textContent ?? '') });

/**
 * Whether the page has drawn at least `min` incidents. A function, not an expression string: the
 * desk's CSP (no 'unsafe-eval') refuses Playwright's evaluation of strings.
 */
export const drawnAtLeast = (min: number) => window.__benchDrawn() >= min;

/** Playwright's messages carry call logs and terminal colours: one plain line for the table. */
export function firstLine(error: unknown): string {
  // eslint-disable-next-line no-control-regex
  return (error instanceof Error ? error.message : String(error)).replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0]!.trim();
}

export const countMarkers = (page: Page, timeoutMs: number) => withTimeout(page.evaluate(drawnInPage), timeoutMs, 'page did not answer (markers)');

export async function heapOf(page: Page, cdp: CDPSession, timeoutMs: number): Promise<{ heapMb: number; domNodes: number; markers: number }> {
  // The page answers these between its own tasks: a page buried in work answers late or never.
  const read = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const metrics = await cdp.send('Performance.getMetrics');
    const markers = await page.evaluate(drawnInPage);
    return { heapMb: heap.usedSize / 2 ** 20, domNodes: metrics.metrics.find((m) => m.name === 'Nodes')?.value ?? Number.NaN, markers };
  };
  return withTimeout(read(), timeoutMs, 'page did not answer');
}

/** The browser's renderer processes (descendants of this process: not another engineer's Chromium). */
export function rendererPids(): number[] {
  return descendants(process.pid)
    .filter((p) => /chrom/i.test(p.cmdline) && p.cmdline.includes('--type=renderer'))
    .map((p) => p.pid);
}

export function rendererUsage(pids: readonly number[]): { cpuS: number; rssMb: number } {
  let cpuS = 0;
  let rssMb = 0;
  for (const pid of pids) {
    cpuS += readCpuSeconds(pid) ?? 0;
    rssMb += readRssMb(pid) ?? 0;
  }
  return { cpuS, rssMb };
}

/** Drags the map around and wheels it in and out for `seconds`. */
export async function panAndZoom(page: Page, seconds: number): Promise<void> {
  const box = await page.locator('[data-testid="desk-map"]').boundingBox();
  if (!box) throw new Error('map not visible');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const r = Math.min(box.width, box.height) / 5;
  const end = Date.now() + seconds * 1000;
  for (let i = 0; Date.now() < end; i++) {
    const a = (i * Math.PI) / 3;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + r * Math.cos(a), cy + r * Math.sin(a), { steps: 12 });
    await page.mouse.up();
    if (i % 3 === 2) {
      await page.mouse.wheel(0, i % 6 === 2 ? -240 : 240);
      await sleep(150);
    }
  }
}

/**
 * Samples the page every `everyS` for `soakS` seconds: renderer CPU and RSS from /proc (always
 * answers), then heap and markers from the page, asked only while the soak has time left, so a busy
 * page cannot stretch it.
 */
export async function soakSamples(o: {
  page: Page;
  cdp: CDPSession;
  renderers: readonly number[];
  soakS: number;
  everyS: number;
  pageTimeoutMs: number;
  /** Epoch ms the stream started: samples are timed from it. */
  streamStart: number;
  log: (line: string) => void;
}): Promise<Sample[]> {
  const samples: Sample[] = [];
  const soakStart = Date.now();
  const left = () => o.soakS * 1000 - (Date.now() - soakStart);
  let last = { at: Date.now(), ...rendererUsage(o.renderers) };
  while (left() > 0) {
    await sleep(Math.min(o.everyS * 1000, Math.max(0, left())));
    const now = Date.now();
    const usage = rendererUsage(o.renderers);
    const sample: Sample = {
      tS: (now - o.streamStart) / 1000,
      rendererRssMb: usage.rssMb,
      rendererCpuPct: ((usage.cpuS - last.cpuS) / Math.max(0.001, (now - last.at) / 1000)) * 100,
      heapMb: Number.NaN,
      markers: Number.NaN,
      domNodes: Number.NaN,
      answerS: Number.NaN,
    };
    last = { at: now, ...usage };
    const budget = Math.min(o.pageTimeoutMs, Math.max(1000, left()));
    try {
      Object.assign(sample, await heapOf(o.page, o.cdp, budget));
      sample.answerS = (Date.now() - now) / 1000;
    } catch (error) {
      sample.error = (error as Error).message;
    }
    samples.push(sample);
    o.log(
      `  t=${fmt(sample.tS, 0)} s renderer CPU ${fmtInt(sample.rendererCpuPct)}%, RSS ${fmtInt(sample.rendererRssMb)} MB; ` +
        (sample.error ? `${sample.error} within ${fmt(budget / 1000, 0)} s` : `heap ${fmt(sample.heapMb)} MB, ${fmtInt(sample.markers)} markers, answered in ${fmt(sample.answerS)} s`),
    );
  }
  return samples;
}

/** Whether the page draws exactly `count` incidents: the active set, once closed ones have left the map. */
export const drawnExactly = (count: number) => window.__benchDrawn() === count;

/** One load of the desk: login submit → connected → first marker → every preloaded incident drawn. */
export interface RenderRun {
  connectedMs: number;
  firstMarkerMs: number;
  firstRenderMs: number;
  markersAtRender: number;
  /** False when the map settled on fewer incidents than were preloaded. */
  complete: boolean;
}

/** Submits the filled-in login form and times the desk's first render. */
export async function firstRender(page: Page, o: { renderTimeoutS: number; artifactsDir: string; incidents: number }): Promise<RenderRun> {
  const t0 = Date.now();
  await page.click('button[type="submit"]');
  const renderTimeout = o.renderTimeoutS * 1000;
  const step = async (what: string, wait: Promise<unknown>) => {
    try {
      await wait;
    } catch (error) {
      // A picture of the page says more than a timeout: kept next to the results.
      const shot = path.join(o.artifactsDir, 'dashboard-failure.png');
      await page.screenshot({ path: shot, timeout: 10_000 }).catch(() => undefined);
      throw new Error(`${what}: ${firstLine(error)} (screenshot: ${path.relative(repoRoot, shot)})`);
    }
  };
  await step('waiting for the connection indicator to say connected', page.waitForSelector('[data-testid="connection-status"][data-state="connected"]', { timeout: renderTimeout }));
  const connectedMs = Date.now() - t0;
  await step('waiting for the first incident on the map', page.waitForSelector('path.incident-marker, .cluster-marker', { state: 'attached', timeout: renderTimeout }));
  const firstMarkerMs = Date.now() - t0;
  // Every preloaded incident drawn, as a marker or counted in a cluster. The client is still
  // evolving (filters, views): a map that settles on fewer is reported, not waited for forever.
  const drawnAll = page
    .waitForFunction(drawnAtLeast, o.incidents, { polling: 'raf', timeout: renderTimeout })
    .then(() => true);
  let rendering = true;
  const settled = (async () => {
    let last = -1;
    let since = Date.now();
    while (rendering) {
      await sleep(250);
      const n = await countMarkers(page, renderTimeout);
      if (n !== last) {
        last = n;
        since = Date.now();
      } else if (n > 0 && Date.now() - since >= 2000) return false;
    }
    return false;
  })();
  const complete = await withTimeout(Promise.race([drawnAll, settled]), renderTimeout + 5000, 'first render').catch(() => false);
  rendering = false;
  settled.catch(() => undefined);
  drawnAll.catch(() => undefined);
  const firstRenderMs = Date.now() - t0 - (complete ? 0 : 2000);
  return { connectedMs, firstMarkerMs, firstRenderMs, markersAtRender: await countMarkers(page, 60_000), complete };
}

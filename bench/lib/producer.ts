import http from 'node:http';
import { nowUs, sleep } from './clock';
import { makeDetection, makeEventId } from './detection';
import { LogHistogram, type HistogramJson } from './stats';

export interface Phase {
  label: string;
  /** Detections per second; 0 just waits for the duration. */
  rate: number;
  durationS: number;
  /** Alerts of a measured phase carry the flag the clients count latency for. */
  measured: boolean;
  /** Stop sending after this many (the phase still lasts its duration). */
  maxCount?: number;
}

export interface ProducerPlan {
  url: string;
  secret: string;
  runTag: string;
  phases: Phase[];
  /** Keep-alive sockets to the server; requests beyond them queue in the agent (and show as latency). */
  maxSockets?: number;
  /** After the last phase, wait at most this long for answers still in flight. */
  drainTimeoutS?: number;
  /** Mix alert kinds (the dashboard section) instead of wrong_way only. */
  kindMix?: boolean;
}

export interface PhaseResult {
  label: string;
  rate: number;
  durationS: number;
  measured: boolean;
  startUs: number;
  endUs: number;
  /** Requests sent in this phase, and how their answers went. */
  sent: number;
  ok: number;
  errors: number;
  statusCounts: Record<string, number>;
  /** 2xx answers that arrived while this phase ran, whichever phase sent them. */
  okInWindow: number;
  /** okInWindow / duration: the rate the server actually kept up with. */
  achievedRate: number;
  sendRate: number;
  /** Send → response end, for requests sent in this phase. */
  http: HistogramJson;
  /** Worst delay of a send behind its fixed schedule (the producer itself falling behind). */
  maxLagMs: number;
}

export interface ProducerResult {
  phases: PhaseResult[];
  inFlightAtEnd: number;
  drainMs: number;
  firstError: string | null;
}

let aborted = false;

/** Ends the running plan early (its current phase stops sending; answers are still awaited). */
export function abortProducer(): void {
  aborted = true;
}

interface PhaseState {
  result: PhaseResult;
  hist: LogHistogram;
}

/**
 * Posts detections on a fixed schedule, independent of the answers: when the server slows down
 * requests pile up (in the agent and the server) and the delay shows in the measured latency
 * instead of silently lowering the offered rate.
 */
export async function runProducer(plan: ProducerPlan): Promise<ProducerResult> {
  const target = new URL('/api/v1/detections', plan.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.maxSockets ?? 256 });
  const states: PhaseState[] = [];
  let current: PhaseState | null = null;
  let inFlight = 0;
  let seq = 0;
  let firstError: string | null = null;
  aborted = false;

  const send = (state: PhaseState, phaseIndex: number, second: number) => {
    const n = seq++;
    const sentUs = nowUs();
    const eventId = makeEventId(plan.runTag, phaseIndex, { measured: state.result.measured, second, seq: n, sentUs });
    const body = JSON.stringify(makeDetection(eventId, n, plan.kindMix ?? false));
    const r = state.result;
    r.sent++;
    inFlight++;
    let done = false;
    const finish = (status: string, detail?: string) => {
      if (done) return;
      done = true;
      inFlight--;
      r.statusCounts[status] = (r.statusCounts[status] ?? 0) + 1;
      const ok = status.startsWith('2');
      if (ok) {
        r.ok++;
        state.hist.record((nowUs() - sentUs) / 1000);
        if (current) current.result.okInWindow++;
      } else {
        r.errors++;
        firstError ??= `${status}: ${detail ?? ''}`.slice(0, 500);
      }
    };
    const req = http.request(target, {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        authorization: `Bearer ${plan.secret}`,
      },
    });
    req.on('response', (res) => {
      const status = String(res.statusCode ?? 0);
      if (status.startsWith('2')) {
        res.resume();
        res.on('end', () => finish(status));
      } else {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => finish(status, text));
      }
      res.on('error', (e) => finish('error', e.message));
    });
    req.on('error', (e) => finish('error', e.message));
    req.end(body);
  };

  for (const [phaseIndex, phase] of plan.phases.entries()) {
    if (aborted) break;
    const state: PhaseState = {
      hist: new LogHistogram(),
      result: {
        label: phase.label,
        rate: phase.rate,
        durationS: phase.durationS,
        measured: phase.measured,
        startUs: 0,
        endUs: 0,
        sent: 0,
        ok: 0,
        errors: 0,
        statusCounts: {},
        okInWindow: 0,
        achievedRate: 0,
        sendRate: 0,
        http: new LogHistogram().toJSON(),
        maxLagMs: 0,
      },
    };
    states.push(state);
    const start = nowUs();
    const end = start + phase.durationS * 1e6;
    state.result.startUs = start;
    current = state;
    for (;;) {
      const now = nowUs();
      if (now >= end || aborted) break;
      if (phase.rate > 0) {
        let due = Math.floor(((now - start) * phase.rate) / 1e6) + 1;
        if (phase.maxCount !== undefined) due = Math.min(due, phase.maxCount);
        const sent = state.result.sent;
        if (due > sent) {
          const lagMs = (now - (start + (sent * 1e6) / phase.rate)) / 1000;
          if (lagMs > state.result.maxLagMs) state.result.maxLagMs = lagMs;
          const second = phase.measured ? Math.floor((now - start) / 1e6) : -1;
          for (let i = sent; i < due; i++) send(state, phaseIndex, second);
        }
      }
      // Sleep to the next due send, never past the end. Timers tick at ≥ 1 ms, so at high rates
      // each tick sends the few that fell due (no busy loop stealing a core from the server).
      const nextDueUs = phase.rate > 0 ? start + (state.result.sent * 1e6) / phase.rate : end;
      const waitMs = Math.max(0, Math.min(end, nextDueUs) - nowUs()) / 1000;
      await sleep(Math.max(1, Math.min(waitMs, 50)));
    }
    state.result.endUs = nowUs();
    const elapsedS = (state.result.endUs - start) / 1e6;
    state.result.sendRate = state.result.sent / elapsedS;
  }
  current = null;

  const drainStart = nowUs();
  const drainDeadline = drainStart + (plan.drainTimeoutS ?? 30) * 1e6;
  // Also after an abort: a request in flight may still be stored, and whoever reads the result
  // (the dashboard's count of opened incidents) must know about it.
  while (inFlight > 0 && nowUs() < drainDeadline) await sleep(20);
  const inFlightAtEnd = inFlight;
  agent.destroy();

  return {
    phases: states.map(({ result, hist }) => ({
      ...result,
      achievedRate: result.okInWindow / ((result.endUs - result.startUs) / 1e6),
      http: hist.toJSON(),
    })),
    inFlightAtEnd,
    drainMs: (nowUs() - drainStart) / 1000,
    firstError,
  };
}

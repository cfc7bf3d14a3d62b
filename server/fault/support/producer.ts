import type { Detection } from '@rasd/shared';
import { ingestSecret } from './cluster';

export interface Accepted {
  status: number;
  alertId: string;
  incidentId: string;
  /** When the answer came (ms since the epoch). */
  at: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A post nobody answers within this long is retried (same eventId) on another instance. */
const answerTimeoutMs = 5_000;

let serial = 0;
/**
 * One detection, one incident: speeding without a plate, so wrong-way track folding (which joins
 * successive sightings of a vehicle into one incident) cannot merge them and blur the counts.
 */
export function detection(tag: string): Detection {
  serial += 1;
  return {
    eventId: `FAULT-${tag}:${process.pid}-${Date.now()}-${serial}`,
    cameraId: 'RR-N-017',
    kind: 'speeding',
    observedAt: new Date().toISOString(),
    location: { lat: 29.982611, lon: 31.3162252 },
    headingDeg: 5,
    speedKmh: 142,
    confidence: 0.93,
    vehicleClass: 'car',
  };
}

/**
 * A camera gateway as the contract expects one to behave: every detection is posted until some
 * instance answers 2xx, each retry with the same eventId (and body); a 503 waits its Retry-After.
 */
export class Producer {
  /** eventId → the first 2xx answer. */
  readonly accepted = new Map<string, Accepted>();
  /** eventId → every 2xx answer (a retry of a stored one answers 200 with the same ids). */
  readonly answers = new Map<string, Accepted[]>();
  /** How attempts ended: "201", "200", "503", "503 without Retry-After", "network error", "timeout" … */
  readonly outcomes = new Map<string, number>();
  private turn = 0;

  constructor(
    private readonly urls: () => string[],
    private readonly tag: string,
  ) {}

  private count(outcome: string) {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }

  /** Posts one detection until it is accepted; returns its answer. */
  async post(body: Detection = detection(this.tag), deadline = Date.now() + 120_000): Promise<Accepted> {
    const json = JSON.stringify(body);
    for (;;) {
      if (Date.now() > deadline) throw new Error(`detection ${body.eventId} never accepted ${JSON.stringify([...this.outcomes])}`);
      const urls = this.urls();
      // Each attempt goes to the next instance: a retry must not stick to a dead one.
      const url = urls[this.turn++ % urls.length]!;
      let wait = 100;
      try {
        const res = await fetch(`${url}/api/v1/detections`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestSecret}` },
          body: json,
          signal: AbortSignal.timeout(answerTimeoutMs),
        });
        const text = await res.text();
        if (res.status === 200 || res.status === 201) {
          const { alertId, incidentId } = JSON.parse(text) as Accepted;
          const answer = { status: res.status, alertId, incidentId, at: Date.now() };
          this.count(String(res.status));
          if (!this.accepted.has(body.eventId)) this.accepted.set(body.eventId, answer);
          this.answers.set(body.eventId, [...(this.answers.get(body.eventId) ?? []), answer]);
          return answer;
        }
        const retryAfter = res.headers.get('retry-after');
        this.count(res.status === 503 && !retryAfter ? '503 without Retry-After' : String(res.status));
        if (retryAfter) wait = Math.min(Number(retryAfter) * 1000, 5_000);
      } catch (error) {
        this.count((error as Error).name === 'TimeoutError' ? 'timeout' : 'network error');
      }
      await sleep(wait);
    }
  }

  /** Posts `count` detections, `concurrency` at a time, at most `perSecond` started each second. */
  async run(count: number, { concurrency = 10, perSecond = Infinity, onAccepted }: { concurrency?: number; perSecond?: number; onAccepted?: (n: number) => void } = {}) {
    let next = 0;
    let done = 0;
    const started = Date.now();
    const worker = async () => {
      while (next < count) {
        const index = next++;
        const due = started + (index * 1000) / perSecond;
        if (due > Date.now()) await sleep(due - Date.now());
        await this.post();
        done += 1;
        onAccepted?.(done);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  /** Incidents answered 2xx between two moments. */
  acceptedBetween(from: number, to: number): Set<string> {
    return new Set([...this.accepted.values()].filter((a) => a.at >= from && a.at <= to).map((a) => a.incidentId));
  }

  /** Distinct incidents the 2xx answers named. */
  expectedIncidents(): Set<string> {
    return new Set([...this.accepted.values()].map((a) => a.incidentId));
  }

  /** Events whose 2xx answers disagree on the ids: a retry stored twice. */
  inconsistentAnswers(): number {
    let bad = 0;
    for (const answers of this.answers.values()) if (new Set(answers.map((a) => `${a.alertId}/${a.incidentId}`)).size > 1) bad += 1;
    return bad;
  }

  outcomeSummary(): string {
    return [...this.outcomes.entries()].sort().map(([k, v]) => `${k}: ${v}`).join(', ');
  }
}

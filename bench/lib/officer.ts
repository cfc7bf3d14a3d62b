import { nowUs, sleep } from './clock';
import { request } from './server-process';

/**
 * The other half of an operations room's live stream: a colleague working the queue, oldest
 * first. Each cycle claims the oldest open incident, records the arrest and closes it (three
 * incident changes on every desk); with detections opening new ones at the same pace, the active
 * set keeps its size, as on a real shift, so a desk's memory can be seen to stay flat.
 */
export interface OfficerPlan {
  url: string;
  /** `rasd_session=…` of a logged-in officer, and the Origin its browser would send. */
  cookie: string;
  origin: string;
  /** Incidents worked to closure per second, on a fixed schedule. */
  cyclesPerS: number;
  durationS: number;
  /** How often the queue of open incidents is read again (new ones arrive all the time). */
  refreshEveryS: number;
}

export interface OfficerResult {
  cycles: number;
  closed: number;
  /** Commands answered 2xx, each one incident change on every desk. */
  changes: number;
  errors: number;
  statusCounts: Record<string, number>;
  firstError: string | null;
  /** Cycles skipped because no open incident was known yet. */
  starved: number;
}

let aborted = false;

export function abortOfficer(): void {
  aborted = true;
}

const commandsOfACycle = [
  { path: 'claim', body: undefined },
  { path: 'actions', body: { type: 'arrest', plate: 'ق ص ب 1234' } },
  { path: 'close', body: undefined },
] as const;

export async function runOfficer(plan: OfficerPlan): Promise<OfficerResult> {
  aborted = false;
  const result: OfficerResult = { cycles: 0, closed: 0, changes: 0, errors: 0, statusCounts: {}, firstError: null, starved: 0 };
  const headers = { cookie: plan.cookie, origin: plan.origin };
  const queue: string[] = [];
  const known = new Set<string>();
  let since = 0;

  /** Appends the incidents that turned `new` since the last read, oldest first. */
  async function refresh() {
    for (;;) {
      const answer = await request('GET', `${plan.url}/api/v1/incidents?status=new&since=${since}`, undefined, headers);
      if (answer.status !== 200) throw new Error(`listing open incidents: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
      const list = JSON.parse(answer.body) as { incidents: { id: string; seq: number }[]; seq: number };
      for (const incident of [...list.incidents].sort((a, b) => a.seq - b.seq)) {
        if (known.has(incident.id)) continue;
        known.add(incident.id);
        queue.push(incident.id);
      }
      const more = list.seq > since && list.incidents.length > 0 && list.seq === list.incidents.at(-1)!.seq;
      since = list.seq;
      if (!more) return;
    }
  }

  async function work(id: string) {
    for (const command of commandsOfACycle) {
      let status: string;
      let detail = '';
      try {
        const answer = await request('POST', `${plan.url}/api/v1/incidents/${id}/${command.path}`, command.body ?? {}, headers);
        status = String(answer.status);
        detail = answer.body;
      } catch (error) {
        status = 'error';
        detail = error instanceof Error ? error.message : String(error);
      }
      result.statusCounts[status] = (result.statusCounts[status] ?? 0) + 1;
      if (!status.startsWith('2')) {
        result.errors++;
        result.firstError ??= `${command.path} ${status}: ${detail}`.slice(0, 500);
        return;
      }
      result.changes++;
    }
    result.closed++;
  }

  await refresh();
  const inFlight = new Set<Promise<void>>();
  const start = nowUs();
  const end = start + plan.durationS * 1e6;
  let lastRefresh = start;
  let refreshing: Promise<void> | null = null;
  while (!aborted && nowUs() < end) {
    const due = Math.floor(((nowUs() - start) * plan.cyclesPerS) / 1e6) + 1;
    while (result.cycles + result.starved < due) {
      const id = queue.shift();
      if (!id) {
        result.starved++;
        continue;
      }
      result.cycles++;
      const job = work(id).finally(() => inFlight.delete(job));
      inFlight.add(job);
    }
    if (!refreshing && nowUs() - lastRefresh >= plan.refreshEveryS * 1e6) {
      lastRefresh = nowUs();
      refreshing = refresh()
        .catch((error: unknown) => {
          result.firstError ??= error instanceof Error ? error.message : String(error);
        })
        .finally(() => (refreshing = null));
    }
    await sleep(Math.max(1, Math.min(50, 1000 / plan.cyclesPerS)));
  }
  await Promise.all([...inFlight, refreshing]);
  return result;
}

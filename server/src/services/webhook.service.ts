import { randomBytes, randomUUID } from 'node:crypto';
import type { Incident, Webhook, WebhookDelivery, WebhookEvent } from '@rasd/shared';
import type { Database } from '../db/database';
import { retryDelayMs, signatureHeader, signPayload } from '../domain/webhook-signature';
import { AppError } from '../errors';
import { incidentRepository as repo } from '../repositories/incident.repository';
import type { AuditService } from './audit.service';

export interface WebhookPolicy {
  retryBaseMs: number;
  maxFailures: number;
  allowHttp: boolean;
  instanceId: string;
}

interface Row {
  id: string;
  url: string;
  events: WebhookEvent[];
  secret: string;
  active: boolean;
  cursor_seq: number;
  consecutive_failures: number;
  next_attempt_at: Date | string;
  created_by: string;
  created_at: Date | string;
}

const eventOfHistory: Record<string, WebhookEvent> = { opened: 'incident.created', escalated: 'incident.escalated', action_recorded: 'incident.actioned' };
const batch = 20;

const toWebhook = (r: Row): Webhook => ({
  id: r.id,
  url: r.url,
  events: r.events,
  active: r.active,
  consecutiveFailures: r.consecutive_failures,
  nextAttemptAt: new Date(r.next_attempt_at).toISOString(),
  cursorSeq: Number(r.cursor_seq),
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

/**
 * Signed webhooks that follow the change log: each endpoint keeps a cursor, so nothing committed is
 * skipped and a dead endpoint resumes where it stopped once re-enabled. One instance delivers at a time.
 */
export function createWebhookService(db: Database, audit: AuditService, policy: WebhookPolicy) {
  async function holdLease(now: Date): Promise<boolean> {
    const until = new Date(now.getTime() + 10_000).toISOString();
    const rows = await db.query(
      `INSERT INTO leases (name, holder, until) VALUES ('webhooks', $1, $2)
       ON CONFLICT (name) DO UPDATE SET holder = $1, until = $2 WHERE leases.holder = $1 OR leases.until < $3 RETURNING holder`,
      [policy.instanceId, until, now.toISOString()],
    );
    return rows.length === 1;
  }

  async function eventOf(incident: Incident): Promise<WebhookEvent> {
    const [row] = await db.query<{ type: string }>('SELECT type FROM incident_history WHERE incident_id = $1 AND seq = $2', [incident.id, incident.seq]);
    return eventOfHistory[row?.type ?? ''] ?? 'incident.updated';
  }

  async function deliver(hook: Row, incident: Incident, event: WebhookEvent, now: Date): Promise<boolean> {
    const id = randomUUID();
    const body = JSON.stringify({ id, event, seq: incident.seq, occurredAt: incident.lastSeenAt, incident });
    const started = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rasd-event': event, 'x-rasd-delivery': id, [signatureHeader]: signPayload(hook.secret, body, now) },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(5_000),
      });
      status = res.status;
      await res.body?.cancel();
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    await db.query(
      'INSERT INTO webhook_deliveries (id, webhook_id, event, seq, attempt, status, error, duration_ms, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [id, hook.id, event, incident.seq, hook.consecutive_failures + 1, status, error, Date.now() - started, now.toISOString()],
    );
    return error === null;
  }

  async function failed(hook: Row, now: Date) {
    const failures = hook.consecutive_failures + 1;
    const disable = failures >= policy.maxFailures;
    await db.query('UPDATE webhooks SET consecutive_failures = $2, next_attempt_at = $3, active = $4 WHERE id = $1', [
      hook.id,
      failures,
      new Date(now.getTime() + retryDelayMs(failures, policy.retryBaseMs)).toISOString(),
      !disable,
    ]);
    if (disable) await audit.record({ actor: 'system', action: 'webhook.disabled', incidentId: null, data: { webhookId: hook.id, url: hook.url, failures } });
  }

  async function runHook(hook: Row, now: Date) {
    const changed = await repo.changedSince(db, Number(hook.cursor_seq), null, batch);
    for (const incident of changed) {
      const event = await eventOf(incident);
      if (hook.events.includes(event) && !(await deliver(hook, incident, event, now))) return failed(hook, now);
      await db.query('UPDATE webhooks SET cursor_seq = $2, consecutive_failures = 0 WHERE id = $1', [hook.id, incident.seq]);
      hook.consecutive_failures = 0;
    }
  }

  const service = {
    async register(by: string, input: { url: string; events: WebhookEvent[] }): Promise<{ webhook: Webhook; secret: string }> {
      if (!policy.allowHttp && !input.url.startsWith('https://')) {
        throw new AppError('invalid_input', 'webhooks must use HTTPS', [{ path: 'url', message: 'must start with https://' }]);
      }
      const secret = randomBytes(32).toString('base64url');
      // A new endpoint receives what changes from now on, not the whole history.
      const cursor = await repo.currentSeq(db);
      const row = await db.transaction(async (tx) => {
        const [created] = await tx.query<Row>(
          `INSERT INTO webhooks (id, url, events, secret, cursor_seq, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
          [randomUUID(), input.url, JSON.stringify(input.events), secret, cursor, by],
        );
        await audit.append(tx, { actor: by, action: 'webhook.registered', incidentId: null, data: { webhookId: created!.id, url: input.url, events: input.events } });
        return created!;
      });
      return { webhook: toWebhook(row), secret };
    },

    async list(): Promise<Webhook[]> {
      return (await db.query<Row>('SELECT * FROM webhooks ORDER BY created_at')).map(toWebhook);
    },

    async setActive(by: string, id: string, active: boolean): Promise<Webhook> {
      const [row] = await db.query<Row>(
        'UPDATE webhooks SET active = $2, consecutive_failures = 0, next_attempt_at = now() WHERE id = $1 RETURNING *',
        [id, active],
      );
      if (!row) throw new AppError('not_found', 'no such webhook');
      await audit.record({ actor: by, action: active ? 'webhook.enabled' : 'webhook.disabled', incidentId: null, data: { webhookId: id } });
      return toWebhook(row);
    },

    async deliveries(id: string, limit = 100): Promise<WebhookDelivery[]> {
      const rows = await db.query<{ id: string; event: string; seq: number; attempt: number; status: number | null; error: string | null; duration_ms: number; at: Date | string }>(
        'SELECT * FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY at DESC, attempt DESC LIMIT $2',
        [id, limit],
      );
      return rows.map((r) => ({ id: r.id, event: r.event, seq: Number(r.seq), attempt: r.attempt, status: r.status, error: r.error, durationMs: r.duration_ms, at: new Date(r.at).toISOString() }));
    },

    /** One delivery round: every active endpoint that is due, if this instance holds the lease. */
    async runOnce(now = new Date()): Promise<void> {
      if (!(await holdLease(now))) return;
      const due = await db.query<Row>('SELECT * FROM webhooks WHERE active AND next_attempt_at <= $1 ORDER BY created_at', [now.toISOString()]);
      for (const hook of due) await runHook(hook, now);
    },

    start(everyMs: number, onError: (e: unknown) => void): () => void {
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        service.runOnce().catch(onError).finally(() => (running = false));
      }, everyMs);
      return () => clearInterval(timer);
    },
  };
  return service;
}
export type WebhookService = ReturnType<typeof createWebhookService>;

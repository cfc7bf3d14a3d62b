import { z } from 'zod';
import { httpUrlSchema } from './common';

export const webhookEvents = ['incident.created', 'incident.updated', 'incident.escalated', 'incident.actioned'] as const;
export const webhookEventSchema = z.enum(webhookEvents);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

export const webhookCreateSchema = z.object({
  url: httpUrlSchema,
  events: z.array(webhookEventSchema).min(1).max(webhookEvents.length),
});
export const webhookUpdateSchema = z.object({ active: z.boolean() });

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(webhookEventSchema),
  active: z.boolean(),
  consecutiveFailures: z.number().int(),
  /** When the endpoint is next tried: after a failure, the retry's time. */
  nextAttemptAt: z.string().optional(),
  cursorSeq: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookDeliverySchema = z.object({
  id: z.string(),
  event: z.string(),
  seq: z.number().int(),
  attempt: z.number().int(),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  at: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

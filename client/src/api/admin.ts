import {
  userCreateSchema,
  userSchema,
  webhookCreateSchema,
  webhookDeliverySchema,
  webhookSchema,
  type User,
  type Webhook,
  type WebhookDelivery,
} from '@rasd/shared';
import { z } from 'zod';
import { expectAnswer, request } from './http';

// The account list itself is the users directory: `fetchUsers` in ./incidents.

export type NewUser = z.infer<typeof userCreateSchema>;
export type NewWebhook = z.infer<typeof webhookCreateSchema>;

const userAnswer = z.object({ user: userSchema });
const webhookAnswer = z.object({ webhook: webhookSchema });
const registeredAnswer = z.object({ webhook: webhookSchema, secret: z.string().min(1) });
const webhookList = z.object({ webhooks: z.array(webhookSchema) });
const deliveryList = z.object({ deliveries: z.array(webhookDeliverySchema) });

const userPath = (id: string) => '/api/v1/users/' + encodeURIComponent(id);
const webhookPath = (id: string) => '/api/v1/webhooks/' + encodeURIComponent(id);

export async function createUser(input: NewUser): Promise<User> {
  return expectAnswer(userAnswer, await request('POST', '/api/v1/users', input), 'user').user;
}

/** The server ends every session of the account, so the old password and its open pages stop working. */
export async function resetPassword(id: string, password: string): Promise<User> {
  return expectAnswer(userAnswer, await request('PATCH', userPath(id), { password }), 'user').user;
}

export async function setUserDisabled(id: string, disabled: boolean): Promise<User> {
  return expectAnswer(userAnswer, await request('PATCH', userPath(id), { disabled }), 'user').user;
}

export async function fetchWebhooks(): Promise<Webhook[]> {
  return expectAnswer(webhookList, await request('GET', '/api/v1/webhooks'), 'webhook list').webhooks;
}

/** The signing secret comes back in this answer only; the server never shows it again. */
export async function registerWebhook(input: NewWebhook): Promise<{ webhook: Webhook; secret: string }> {
  return expectAnswer(registeredAnswer, await request('POST', '/api/v1/webhooks', input), 'webhook');
}

export async function setWebhookActive(id: string, active: boolean): Promise<Webhook> {
  return expectAnswer(webhookAnswer, await request('PATCH', webhookPath(id), { active }), 'webhook').webhook;
}

/** The newest deliveries first. */
export async function fetchDeliveries(id: string): Promise<WebhookDelivery[]> {
  return expectAnswer(deliveryList, await request('GET', `${webhookPath(id)}/deliveries`), 'delivery log').deliveries;
}

import {
  errorBodySchema,
  type ErrorDetail,
  sessionResponseSchema,
  type LoginRequest,
  type SessionUser,
} from '@rasd/shared';
import type { z } from 'zod';
import { parseIncidentList, type ParsedIncidentList } from '../lib/parse';

/** A failed HTTP call: `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Per-field problems of a 400, and the holder's name of a 409 already_claimed. */
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** One JSON call on the page's origin; failures become ApiError. */
export async function request(method: string, path: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  if (response.status === 204) return null;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload;
}

/** Maps an error answer to ApiError, tolerating bodies that do not follow the contract. */
export function toApiError(status: number, payload: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(payload);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(status, code, message, details ?? []);
  }
  return new ApiError(status, 'http_' + status, 'HTTP ' + status);
}

/** The answer as the shared schema reads it; anything else is a bad answer, not a crash later. */
export function expectAnswer<S extends z.ZodType>(schema: S, payload: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new ApiError(200, 'bad_response', `unexpected ${what}`);
  return parsed.data;
}

function expectUser(payload: unknown): SessionUser {
  return expectAnswer(sessionResponseSchema, payload, 'session answer').user;
}

export async function login(credentials: LoginRequest): Promise<SessionUser> {
  return expectUser(await request('POST', '/api/v1/session', credentials));
}

/** The user of the current cookie, or null when there is no valid session. */
export async function currentSession(): Promise<SessionUser | null> {
  try {
    return expectUser(await request('GET', '/api/v1/session'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function logout(): Promise<void> {
  await request('DELETE', '/api/v1/session');
}

/** Without `since`: the active incidents; with it: every incident changed after that seq. */
export async function fetchIncidents(since?: number): Promise<ParsedIncidentList> {
  const query = since === undefined ? '' : '?since=' + encodeURIComponent(String(since));
  const list = parseIncidentList(await request('GET', '/api/v1/incidents' + query));
  if (!list) throw new ApiError(200, 'bad_response', 'unexpected incident list');
  return list;
}

export interface ClientConfig {
  tileUrl: string | null;
}

/** Optional deployment settings; any failure means the offline defaults. */
export async function fetchClientConfig(): Promise<ClientConfig> {
  try {
    const payload = await request('GET', '/api/v1/client-config');
    const tileUrl = (payload as { tileUrl?: unknown } | null)?.tileUrl;
    return { tileUrl: typeof tileUrl === 'string' && tileUrl.length > 0 ? tileUrl : null };
  } catch {
    return { tileUrl: null };
  }
}

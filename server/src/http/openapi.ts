import { z } from 'zod';
import {
  handoverRequestSchema,
  legalActionRequestSchema,
  shiftSummarySchema,
  handoverSchema,
  handoverNotesRequestSchema,
  historyPageSchema,
  pressSummarySchema,
  pressUpdateRequestSchema,
  shiftAtBodySchema,
  shiftReportSchema,
  wallStatsSchema,
  userCreateSchema,
  userSchema,
  userUpdateSchema,
  webhookCreateSchema,
  webhookUpdateSchema,
  verifyRequestSchema,
  detectionSchema,
  errorBodySchema,
  incidentDetailSchema,
  incidentListSchema,
  incidentSchema,
  ingestResultSchema,
  loginRequestSchema,
  sessionResponseSchema,
  socialIngestResultSchema,
  socialReportSchema,
} from '@rasd/shared';
import { patrolPaths, patrolSchemas, unitKeyScheme } from './openapi-patrol';

const components = {
  Detection: detectionSchema,
  SocialReport: socialReportSchema,
  IngestResult: ingestResultSchema,
  SocialIngestResult: socialIngestResultSchema,
  Incident: incidentSchema,
  IncidentDetail: incidentDetailSchema,
  IncidentList: incidentListSchema,
  LoginRequest: loginRequestSchema,
  SessionResponse: sessionResponseSchema,
  Error: errorBodySchema,
  LegalActionRequest: legalActionRequestSchema,
  VerifyRequest: verifyRequestSchema,
  HandoverRequest: handoverRequestSchema,
  ShiftSummary: shiftSummarySchema,
  ShiftReport: shiftReportSchema,
  ShiftAt: shiftAtBodySchema,
  Handover: handoverSchema,
  HandoverNotesRequest: handoverNotesRequestSchema,
  PressSummary: pressSummarySchema,
  PressUpdateRequest: pressUpdateRequestSchema,
  HistoryPage: historyPageSchema,
  WallStats: wallStatsSchema,
  User: userSchema,
  UserCreate: userCreateSchema,
  WebhookCreate: webhookCreateSchema,
  WebhookUpdate: webhookUpdateSchema,
  UserUpdate: userUpdateSchema,
  AuditVerification: z.union([
    z.object({ ok: z.literal(true), entries: z.number().int() }),
    z.object({ ok: z.literal(false), firstBadEntry: z.object({ id: z.number().int(), reason: z.string() }) }),
  ]),
  ...patrolSchemas,
} satisfies Record<string, z.ZodType>;
type Component = keyof typeof components;

interface Operation {
  summary: string;
  security: 'ingestKey' | 'session' | 'unitKey' | null;
  body?: Component;
  query?: { name: string; description: string; schema: object }[];
  ok: { status: number; schema?: Component; description?: string }[];
  errors: number[];
}

const ref = (name: Component) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: Component) => ({ 'application/json': { schema: ref(name) } });

const paths: Record<string, Record<string, Operation>> = {
  ...patrolPaths(),
  '/api/v1/detections': {
    post: {
      summary: 'Ingest a camera detection (idempotent per sender + eventId)',
      security: 'ingestKey',
      body: 'Detection',
      ok: [
        { status: 201, schema: 'IngestResult', description: 'stored and published' },
        { status: 200, schema: 'IngestResult', description: 'the same eventId and body again' },
      ],
      errors: [400, 401, 413, 422, 429],
    },
  },
  '/api/v1/social-reports': {
    post: {
      summary: 'Ingest a citizen post (duplicates by normalised post URL; re-shares join their incident)',
      security: 'ingestKey',
      body: 'SocialReport',
      ok: [
        { status: 201, schema: 'SocialIngestResult', description: 'stored; a new incident or joined to an existing one' },
        { status: 200, schema: 'SocialIngestResult', description: 'the same post URL again' },
      ],
      errors: [400, 401, 413, 429],
    },
  },
  '/api/v1/cap': {
    post: {
      summary: 'Ingest a CAP 1.2 alert (application/cap+xml or application/xml); idempotent on sender + identifier',
      security: 'ingestKey',
      ok: [
        { status: 201, schema: 'IngestResult', description: 'stored; a new incident, or joined to the one its references update' },
        { status: 200, schema: 'IngestResult', description: 'the same sender + identifier again' },
      ],
      errors: [400, 401, 413, 422],
    },
  },
  '/api/v1/incidents/{id}/cap': {
    get: { summary: 'The incident as a CAP 1.2 alert (application/cap+xml)', security: 'session', ok: [{ status: 200, description: 'CAP 1.2 XML' }], errors: [401, 404] },
  },
  '/api/v1/datex2/situations': {
    get: { summary: 'Active wrong-way incidents as a DATEX II v3 SituationPublication (VehicleObstruction, vehicleOnWrongCarriageway)', security: 'session', ok: [{ status: 200, description: 'application/xml' }], errors: [401] },
  },
  '/api/v1/cap/feed': {
    get: { summary: 'Atom feed of active incidents linking to their CAP documents', security: 'session', ok: [{ status: 200, description: 'application/atom+xml' }], errors: [401] },
  },
  '/api/v1/webhooks': {
    get: { summary: 'Registered webhooks (commander, admin)', security: 'session', ok: [{ status: 200, description: '{ webhooks: Webhook[] }' }], errors: [401, 403] },
    post: {
      summary: 'Register an HTTPS endpoint for chosen events; answers the signing secret once. Deliveries carry X-Rasd-Signature: t=<unix>,v1=<HMAC-SHA256 of "<t>.<body>">',
      security: 'session',
      body: 'WebhookCreate',
      ok: [{ status: 201, description: '{ webhook, secret }' }],
      errors: [400, 401, 403],
    },
  },
  '/api/v1/webhooks/{id}': {
    patch: { summary: 'Enable or disable an endpoint', security: 'session', body: 'WebhookUpdate', ok: [{ status: 200, description: '{ webhook }' }], errors: [400, 401, 403, 404] },
  },
  '/api/v1/webhooks/{id}/deliveries': {
    get: { summary: 'Delivery log, newest first', security: 'session', ok: [{ status: 200, description: '{ deliveries: WebhookDelivery[] }' }], errors: [401, 403] },
  },
  '/api/v1/session': {
    post: { summary: 'Log in (sets an httpOnly session cookie)', security: null, body: 'LoginRequest', ok: [{ status: 200, schema: 'SessionResponse' }], errors: [400, 401, 403] },
    get: { summary: 'The logged-in user', security: 'session', ok: [{ status: 200, schema: 'SessionResponse' }], errors: [401] },
    delete: { summary: 'Log out', security: null, ok: [{ status: 204, description: 'logged out' }], errors: [403] },
  },
  '/api/v1/incidents': {
    get: {
      summary: 'Active incidents, or with `since` every incident changed after that sequence',
      security: 'session',
      query: [
        { name: 'status', description: 'comma-separated statuses', schema: { type: 'string' } },
        { name: 'since', description: 'last sequence number the client applied', schema: { type: 'integer', minimum: 0 } },
      ],
      ok: [{ status: 200, schema: 'IncidentList' }],
      errors: [400, 401],
    },
  },
  '/api/v1/incidents/{id}': {
    get: { summary: 'One incident with its alerts and history', security: 'session', ok: [{ status: 200, schema: 'IncidentDetail' }], errors: [401, 404] },
  },
  ...commandPaths(),
  '/api/v1/incidents.geojson': {
    get: { summary: 'Active incidents as a GeoJSON FeatureCollection', security: 'session', ok: [{ status: 200, description: 'application/geo+json' }], errors: [400, 401] },
  },
  '/api/v1/incidents.csv': {
    get: {
      summary: 'Incidents first seen in [from, to) as CSV (UTF-8 with BOM)',
      security: 'session',
      query: [
        { name: 'from', description: 'ISO 8601 with zone', schema: { type: 'string', format: 'date-time' } },
        { name: 'to', description: 'ISO 8601 with zone', schema: { type: 'string', format: 'date-time' } },
      ],
      ok: [{ status: 200, description: 'text/csv' }],
      errors: [400, 401, 403],
    },
  },
  '/api/v1/shifts/summary': {
    get: {
      summary: 'Summary of the shift containing `at` (default now)',
      security: 'session',
      query: [{ name: 'at', description: 'ISO 8601 with zone', schema: { type: 'string', format: 'date-time' } }],
      ok: [{ status: 200, schema: 'ShiftSummary' }],
      errors: [400, 401, 403],
    },
  },
  '/api/v1/wall/stats': {
    get: {
      summary: 'Shift figures for the wall display (actioned incidents, median alert-to-claim time); any signed-in role',
      security: 'session',
      ok: [{ status: 200, schema: 'WallStats' }],
      errors: [401],
    },
  },
  ...commanderPaths(),
  '/api/v1/audit/verify': {
    get: { summary: 'Recompute the audit hash chain', security: 'session', ok: [{ status: 200, schema: 'AuditVerification' }], errors: [401, 403] },
  },
  '/api/v1/users': {
    get: { summary: 'User directory', security: 'session', ok: [{ status: 200, description: '{ users: User[] }' }], errors: [401] },
    post: { summary: 'Create a user (admin)', security: 'session', body: 'UserCreate', ok: [{ status: 201, description: '{ user: User }' }], errors: [400, 401, 403] },
  },
  '/api/v1/users/{id}': {
    patch: { summary: 'Change role, reset password or disable (admin)', security: 'session', body: 'UserUpdate', ok: [{ status: 200, description: '{ user: User }' }], errors: [400, 401, 403, 404] },
  },
};

function commanderPaths(): Record<string, Record<string, Operation>> {
  const at = { name: 'at', description: 'any instant in the shift, ISO 8601 with zone (default now)', schema: { type: 'string', format: 'date-time' } };
  const history = [
    { name: 'plate', description: 'any spelling of an Egyptian plate (normalised before matching)', schema: { type: 'string' } },
    { name: 'corridorId', description: 'corridor id', schema: { type: 'string' } },
    { name: 'kind', description: 'comma-separated kinds', schema: { type: 'string' } },
    { name: 'status', description: 'comma-separated statuses', schema: { type: 'string' } },
    { name: 'officer', description: 'username of anyone who acted on the incident', schema: { type: 'string' } },
    { name: 'from', description: 'first seen at or after (ISO 8601 with zone)', schema: { type: 'string', format: 'date-time' } },
    { name: 'to', description: 'first seen before (ISO 8601 with zone)', schema: { type: 'string', format: 'date-time' } },
  ];
  const change = (summary: string, body: Component, schema: Component, method: 'put' | 'post' = 'post'): Record<string, Operation> => ({
    [method]: { summary, security: 'session', body, ok: [{ status: 200, schema }], errors: [400, 401, 403, 409] },
  });
  return {
    '/api/v1/shifts/report': {
      get: { summary: 'Printable shift report: summary, handover and the audit chain head at the cut-off (commander, admin)', security: 'session', query: [at], ok: [{ status: 200, schema: 'ShiftReport' }], errors: [400, 401, 403] },
    },
    '/api/v1/shifts/handover': {
      get: { summary: 'The handover of the shift containing `at` (commander, admin)', security: 'session', query: [at], ok: [{ status: 200, schema: 'Handover' }], errors: [400, 401, 403] },
      ...change('Save the handover notes while it is a draft (commander; audited)', 'HandoverNotesRequest', 'Handover', 'put'),
    },
    '/api/v1/shifts/handover/submit': change('Submit the handover, freezing the open incidents and claims (commander; audited)', 'ShiftAt', 'Handover'),
    '/api/v1/shifts/handover/acknowledge': change('Acknowledge a submitted handover: a commander other than the one who submitted it (audited)', 'ShiftAt', 'Handover'),
    '/api/v1/shifts/press': {
      get: { summary: 'The press statement of the shift: stored, or a generated draft (commander)', security: 'session', query: [at], ok: [{ status: 200, schema: 'PressSummary' }], errors: [400, 401, 403] },
      ...change('Save the bilingual draft; editing an approved statement withdraws the approval (commander; audited)', 'PressUpdateRequest', 'PressSummary', 'put'),
    },
    '/api/v1/shifts/press/approve': change('Approve the saved draft (commander; audited)', 'ShiftAt', 'PressSummary'),
    '/api/v1/shifts/press/export': {
      get: {
        summary: 'The approved statement as UTF-8 text; 409 invalid_transition while it is not approved (commander; audited)',
        security: 'session',
        query: [at, { name: 'lang', description: 'ar, en or both (default)', schema: { type: 'string', enum: ['ar', 'en', 'both'] } }],
        ok: [{ status: 200, description: 'text/plain' }],
        errors: [400, 401, 403, 409],
      },
    },
    '/api/v1/history/incidents': {
      get: {
        summary: 'Search past incidents, newest first, paged (commander, admin; plate searches are audited)',
        security: 'session',
        query: [...history, { name: 'limit', description: '1–200, default 50', schema: { type: 'integer' } }, { name: 'offset', description: 'default 0', schema: { type: 'integer' } }],
        ok: [{ status: 200, schema: 'HistoryPage' }],
        errors: [400, 401, 403],
      },
    },
    '/api/v1/history/incidents.csv': {
      get: { summary: 'The filtered history as CSV (UTF-8 with BOM, formulas defused; commander, admin; audited)', security: 'session', query: history, ok: [{ status: 200, description: 'text/csv' }], errors: [400, 401, 403] },
    },
  };
}

function commandPaths(): Record<string, Record<string, Operation>> {
  const command = (summary: string, body?: Component, status = 200): Record<string, Operation> => ({
    post: { summary, security: 'session', ...(body ? { body } : {}), ok: [{ status, schema: 'Incident' }], errors: [400, 401, 403, 404, 409] },
  });
  return {
    '/api/v1/incidents/{id}/claim': command('Claim (exactly one holder)'),
    '/api/v1/incidents/{id}/release': command('Release (holder or commander)'),
    '/api/v1/incidents/{id}/takeover': command('Take over (commander)'),
    '/api/v1/incidents/{id}/handover': command('Hand over to a named user (holder or commander)', 'HandoverRequest'),
    '/api/v1/incidents/{id}/verify': command('Verify or reject a social report', 'VerifyRequest'),
    '/api/v1/incidents/{id}/actions': command('Record a legal action (holder)', 'LegalActionRequest', 201),
    '/api/v1/incidents/{id}/close': command('Close an actioned incident (holder or commander)'),
  };
}

function operation(op: Operation, path: string) {
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  const query = (op.query ?? []).map((q) => ({ name: q.name, in: 'query', required: false, description: q.description, schema: q.schema }));
  return {
    summary: op.summary,
    ...(op.security ? { security: [{ [op.security]: [] }] } : {}),
    ...(pathParams.length + query.length ? { parameters: [...pathParams, ...query] } : {}),
    ...(op.body ? { requestBody: { required: true, content: json(op.body) } } : {}),
    responses: Object.fromEntries([
      ...op.ok.map((r) => [String(r.status), { description: r.description ?? 'OK', ...(r.schema ? { content: json(r.schema) } : {}) }]),
      ...op.errors.map((s) => [String(s), { description: 'error', content: json('Error') }]),
    ]),
  };
}

/** The OpenAPI 3.1 document, its schemas generated from the same zod schemas that validate requests. */
export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'Rasd (رصد) operations-room API', version: '1.0.0' },
    components: {
      securitySchemes: {
        ingestKey: { type: 'http', scheme: 'bearer', description: 'one of RASD_INGEST_KEYS' },
        session: { type: 'apiKey', in: 'cookie', name: 'rasd_session' },
        unitKey: unitKeyScheme,
      },
      schemas: Object.fromEntries(
        Object.entries(components).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })]),
      ),
    },
    paths: Object.fromEntries(
      Object.entries(paths).map(([path, ops]) => [path, Object.fromEntries(Object.entries(ops).map(([m, op]) => [m, operation(op, path)]))]),
    ),
  };
}

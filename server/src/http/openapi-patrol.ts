import { z } from 'zod';
import {
  dispatchProposalSchema,
  dispatchRequestSchema,
  unitAssignmentViewSchema,
  unitCreatedSchema,
  unitCreateSchema,
  unitListSchema,
  unitReportSchema,
  unitSchema,
  unitStatusChangeSchema,
} from '@rasd/shared';

/** OpenAPI schemas of patrol units and dispatch (merged into the document's components). */
export const patrolSchemas = {
  Unit: z.object({ unit: unitSchema }),
  UnitList: unitListSchema,
  UnitCreate: unitCreateSchema,
  UnitCreated: unitCreatedSchema,
  UnitReport: unitReportSchema,
  UnitStatusChange: unitStatusChangeSchema,
  UnitAssignmentView: unitAssignmentViewSchema,
  DispatchRequest: dispatchRequestSchema,
  DispatchProposal: dispatchProposalSchema,
} satisfies Record<string, z.ZodType>;

type Schema = keyof typeof patrolSchemas | 'Incident';
interface PatrolOperation {
  summary: string;
  security: 'unitKey' | 'session';
  body?: Schema;
  ok: { status: number; schema?: Schema; description?: string }[];
  errors: number[];
}

export const unitKeyScheme = { type: 'http', scheme: 'bearer', description: "a unit's device key, shown once when the unit is created" };

export function patrolPaths(): Record<string, Record<string, PatrolOperation>> {
  return {
    '/api/v1/units': {
      get: { summary: 'Patrol units with status, position and assignment', security: 'session', ok: [{ status: 200, schema: 'UnitList' }], errors: [401, 403] },
      post: { summary: 'Create a unit (admin); answers its device key once', security: 'session', body: 'UnitCreate', ok: [{ status: 201, schema: 'UnitCreated' }], errors: [400, 401, 403] },
    },
    '/api/v1/units/{id}': {
      patch: { summary: "Set a unit's status by hand (dispatcher, commander)", security: 'session', body: 'UnitStatusChange', ok: [{ status: 200, schema: 'Unit' }], errors: [400, 401, 403, 404, 409] },
    },
    '/api/v1/units/{id}/key': {
      post: {
        summary: "Replace a unit's device key (admin; a lost tablet, a leaked key): the old key stops working at once, its devices are disconnected; answers the new key once",
        security: 'session',
        ok: [{ status: 200, schema: 'UnitCreated' }],
        errors: [401, 403, 404],
      },
    },
    '/api/v1/unit/reports': {
      post: {
        summary: "A unit's device reports its position and/or status (en_route, on_scene; available = done)",
        security: 'unitKey',
        body: 'UnitReport',
        ok: [{ status: 200, schema: 'Unit' }],
        errors: [400, 401, 409],
      },
    },
    '/api/v1/unit/me': {
      get: { summary: "The unit of this key and the incident it is assigned to (the unit's tablet)", security: 'unitKey', ok: [{ status: 200, schema: 'UnitAssignmentView' }], errors: [401] },
    },
    '/api/v1/incidents/{id}/dispatch-proposal': {
      get: {
        summary: 'Available units, nearest by travel along the corridor network; for a wrong-way track, those that can get ahead of it first, with the intercept point and margin',
        security: 'session',
        ok: [{ status: 200, schema: 'DispatchProposal' }],
        errors: [401, 403, 404],
      },
    },
    '/api/v1/incidents/{id}/dispatch': {
      post: { summary: 'Send units to the incident (status dispatched; the units go en route)', security: 'session', body: 'DispatchRequest', ok: [{ status: 200, schema: 'Incident' }], errors: [400, 401, 403, 404, 409] },
    },
  };
}

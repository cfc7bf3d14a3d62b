import {
  dispatchProposalSchema,
  unitAssignmentViewSchema,
  unitCreatedSchema,
  unitListSchema,
  unitSchema,
  type DispatchProposal,
  type Incident,
  type Unit,
  type UnitCreate,
  type UnitReport,
  type UnitStatus,
} from '@rasd/shared';
import { z } from 'zod';
import { parseIncident } from '../lib/parse';
import { ApiError, expectAnswer, request, toApiError } from './http';

const unitAnswer = z.object({ unit: unitSchema });
const incidentPath = (id: string) => '/api/v1/incidents/' + encodeURIComponent(id);

export async function fetchUnits(): Promise<Unit[]> {
  return expectAnswer(unitListSchema, await request('GET', '/api/v1/units'), 'unit list').units;
}

const unitKeyAnswer = unitCreatedSchema.extend({ key: z.string().min(1) });
export type UnitWithKey = z.infer<typeof unitKeyAnswer>;

/** A new unit (admin); the answer carries its device key, which is never shown again. */
export async function createUnit(input: UnitCreate): Promise<UnitWithKey> {
  return expectAnswer(unitKeyAnswer, await request('POST', '/api/v1/units', input), 'unit');
}

/** A new device key for the unit (admin): the old one stops working and its tablet is signed out. */
export async function replaceUnitKey(id: string): Promise<UnitWithKey> {
  return expectAnswer(unitKeyAnswer, await request('POST', `/api/v1/units/${encodeURIComponent(id)}/key`), 'unit');
}

export async function setUnitStatus(id: string, status: UnitStatus): Promise<Unit> {
  return expectAnswer(unitAnswer, await request('PATCH', '/api/v1/units/' + encodeURIComponent(id), { status }), 'unit').unit;
}

export async function fetchDispatchProposal(incidentId: string): Promise<DispatchProposal> {
  return expectAnswer(dispatchProposalSchema, await request('GET', `${incidentPath(incidentId)}/dispatch-proposal`), 'proposal');
}

export async function dispatchUnits(incidentId: string, unitIds: string[]): Promise<Incident> {
  const incident = parseIncident(await request('POST', `${incidentPath(incidentId)}/dispatch`, { unitIds }));
  if (!incident) throw new ApiError(200, 'bad_response', 'unexpected incident answer');
  return incident;
}

/** The unit tablet's calls: authenticated by the unit's own key, not a user session. */
async function deviceCall(key: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'omit',
      headers: { accept: 'application/json', authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload;
}

export type UnitAssignmentView = z.infer<typeof unitAssignmentViewSchema>;

export async function fetchMyAssignment(key: string): Promise<UnitAssignmentView> {
  return expectAnswer(unitAssignmentViewSchema, await deviceCall(key, 'GET', '/api/v1/unit/me'), 'assignment');
}

export async function reportAsUnit(key: string, report: UnitReport): Promise<Unit> {
  return expectAnswer(unitAnswer, await deviceCall(key, 'POST', '/api/v1/unit/reports', report), 'unit').unit;
}

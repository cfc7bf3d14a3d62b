import type { Incident, LegalActionRequest, User, VerifyRequest } from '@rasd/shared';
import { parseIncident, parseIncidentDetail, parseUsers, type ParsedIncidentDetail } from '../lib/parse';
import { ApiError, request } from './http';

/** The state-changing calls that take no body; each answers the changed incident. */
export type SimpleCommand = 'claim' | 'release' | 'takeover' | 'close';

const incidentPath = (id: string) => '/api/v1/incidents/' + encodeURIComponent(id);

function expectIncident(payload: unknown): Incident {
  const incident = parseIncident(payload);
  if (!incident) throw new ApiError(200, 'bad_response', 'unexpected incident answer');
  return incident;
}

export async function fetchIncidentDetail(id: string): Promise<ParsedIncidentDetail> {
  const detail = parseIncidentDetail(await request('GET', incidentPath(id)));
  if (!detail) throw new ApiError(200, 'bad_response', 'unexpected incident detail');
  return detail;
}

export async function runCommand(id: string, command: SimpleCommand): Promise<Incident> {
  return expectIncident(await request('POST', `${incidentPath(id)}/${command}`, {}));
}

export async function handOver(id: string, username: string): Promise<Incident> {
  return expectIncident(await request('POST', `${incidentPath(id)}/handover`, { username }));
}

export async function verifyIncident(id: string, body: VerifyRequest): Promise<Incident> {
  return expectIncident(await request('POST', `${incidentPath(id)}/verify`, body));
}

export async function recordAction(id: string, body: LegalActionRequest): Promise<Incident> {
  return expectIncident(await request('POST', `${incidentPath(id)}/actions`, body));
}

export async function fetchUsers(): Promise<User[]> {
  const users = parseUsers(await request('GET', '/api/v1/users'));
  if (!users) throw new ApiError(200, 'bad_response', 'unexpected user list');
  return users;
}

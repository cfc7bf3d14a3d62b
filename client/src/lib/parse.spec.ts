import { describe, expect, it } from 'vitest';
import { makeIncident } from '../test/fixtures';
import { parseAlertIncidentId, parseIncident, parseIncidentList } from './parse';

describe('parse', () => {
  it('drops an incident that does not match the shared schema', () => {
    expect(parseIncident({ ...makeIncident(), severity: 'apocalyptic' })).toBeNull();
    expect(parseIncident({ id: 'x' })).toBeNull();
    expect(parseIncident(makeIncident())).toEqual(makeIncident());
  });

  it('keeps the valid incidents of a list and drops the rest', () => {
    const list = parseIncidentList({ incidents: [makeIncident({ id: 'ok' }), { id: 'bad' }], seq: 3 });
    expect(list?.incidents.map((i) => i.id)).toEqual(['ok']);
    expect(list?.seq).toBe(3);
  });

  it('refuses a list without an integer seq', () => {
    expect(parseIncidentList({ incidents: [] })).toBeNull();
    expect(parseIncidentList({ incidents: [], seq: '3' })).toBeNull();
    expect(parseIncidentList(null)).toBeNull();
  });

  it('reads the incident id of an alert:new payload', () => {
    expect(parseAlertIncidentId({ alert: {}, incidentId: 'inc-9' })).toBe('inc-9');
    expect(parseAlertIncidentId({ alert: {} })).toBeNull();
  });
});

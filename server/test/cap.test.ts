import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail } from '@rasd/shared';
import { detection, ingestSecret, login, postDetection, useTestServer } from './harness';

const capXsd = fileURLToPath(new URL('./schemas/cap-1.2.xsd', import.meta.url));
let officer: string;

const server = useTestServer();
beforeAll(async () => {
  officer = await login(server.url, 'officer');
});

/** xmllint's verdict on a document against the CAP 1.2 schema. */
function validateCap(xml: string): string {
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', capXsd, '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
    return 'valid';
  } catch (error) {
    return String((error as { stderr: Buffer }).stderr);
  }
}

function capAlert(o: { identifier?: string; msgType?: string; references?: string; omit?: string; area?: string; event?: string; headline?: string } = {}) {
  const el = (name: string, value: string) => (o.omit === name ? '' : `<${name}>${value}</${name}>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  ${el('identifier', o.identifier ?? `GIZA-${Math.random().toString(36).slice(2)}`)}
  ${el('sender', 'ops@giza-traffic.example')}
  ${el('sent', '2026-11-27T20:00:00+02:00')}
  ${el('status', 'Actual')}
  ${el('msgType', o.msgType ?? 'Alert')}
  ${el('scope', 'Public')}
  ${o.references ? `<references>${o.references}</references>` : ''}
  <info>
    <language>en-US</language>
    <category>Transport</category>
    ${el('event', o.event ?? 'Wrong-way driver')}
    ${el('urgency', 'Immediate')}
    ${el('severity', 'Severe')}
    ${el('certainty', 'Observed')}
    <headline>${o.headline ?? 'Vehicle driving the wrong way on the Ring Road near Maadi'}</headline>
    <area>
      <areaDesc>Ring Road, Maadi</areaDesc>
      ${o.area ?? '<circle>29.9826,31.3162 0.5</circle>'}
    </area>
  </info>
</alert>`;
}

const postCap = (xml: string, type = 'application/cap+xml') =>
  fetch(`${server.url}/api/v1/cap`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${ingestSecret}` }, body: xml });

describe('CAP 1.2 in', () => {
  it('maps a CAP alert onto an incident, idempotently on sender + identifier', async () => {
    const xml = capAlert({ identifier: 'GIZA-0001' });
    const res = await postCap(xml);
    expect(res.status).toBe(201);
    const { incidentId, alertId } = (await res.json()) as { incidentId: string; alertId: string };
    const incident = (await (await fetch(`${server.url}/api/v1/incidents/${incidentId}`, { headers: { cookie: officer } })).json()) as IncidentDetail;
    expect(incident).toMatchObject({ kind: 'wrong_way', severity: 'critical', corridorId: 'ring_road', location: { lat: 29.9826, lon: 31.3162 } });
    expect(incident.alerts[0]).toMatchObject({ source: 'cap', cap: { identifier: 'GIZA-0001', urgency: 'Immediate', certainty: 'Observed' } });
    const again = await postCap(xml, 'application/xml');
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ alertId, incidentId, duplicate: true });
    expect((await postCap(xml.replace('Severe', 'Extreme'))).status).toBe(422);
  });

  it('joins an Update that references an earlier alert to its incident', async () => {
    const first = (await (await postCap(capAlert({ identifier: 'GIZA-0100' }))).json()) as { incidentId: string };
    const update = await postCap(capAlert({ identifier: 'GIZA-0101', msgType: 'Update', references: 'ops@giza-traffic.example,GIZA-0100,2026-11-27T20:00:00+02:00' }));
    expect(((await update.json()) as { incidentId: string }).incidentId).toBe(first.incidentId);
  });

  it('places a polygon area at its centroid', async () => {
    const square = '<polygon>30.00,31.20 30.00,31.22 30.02,31.22 30.02,31.20 30.00,31.20</polygon>';
    const { incidentId } = (await (await postCap(capAlert({ area: square, event: 'Reckless driving', headline: 'Car weaving dangerously between lanes' }))).json()) as { incidentId: string };
    const incident = (await (await fetch(`${server.url}/api/v1/incidents/${incidentId}`, { headers: { cookie: officer } })).json()) as IncidentDetail;
    expect(incident.kind).toBe('reckless');
    expect(incident.location.lat).toBeCloseTo(30.01, 3);
    expect(incident.location.lon).toBeCloseTo(31.21, 3);
  });

  it.each(['identifier', 'sent', 'urgency', 'event'])('names a missing <%s> in a 400', async (omit) => {
    const res = await postCap(capAlert({ omit }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.details.map((d) => d.path).join()).toMatch(new RegExp(`\\.${omit}$`));
  });

  it('refuses malformed XML, a non-XML content type and an alert with no place', async () => {
    expect((await postCap('<alert><identifier>x</alert>')).status).toBe(400);
    expect((await postCap(capAlert(), 'application/json')).status).toBe(400);
    const nowhere = await postCap(capAlert({ area: '' }));
    expect(((await nowhere.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe('alert.info.area');
  });

  it('never expands entities: XXE and "billion laughs" are refused and change nothing', async () => {
    const before = await (await fetch(`${server.url}/api/v1/incidents?since=0`, { headers: { cookie: officer } })).json();
    const xxe = capAlert().replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace('Wrong-way driver', '&xxe;');
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
      capAlert().replace('<?xml version="1.0" encoding="UTF-8"?>', '').replace('Wrong-way driver', '&lol3;');
    for (const xml of [xxe, laughs]) {
      const res = await postCap(xml);
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).not.toContain('root:');
      expect(text).toMatch(/DOCTYPE/);
    }
    expect(await (await fetch(`${server.url}/api/v1/incidents?since=0`, { headers: { cookie: officer } })).json()).toEqual(before);
  });
});

describe('CAP 1.2 out', () => {
  it('serves an incident as a CAP alert that validates against the CAP 1.2 schema, round trip included', async () => {
    const { incidentId } = (await (await postCap(capAlert())).json()) as { incidentId: string };
    const camera = (await (await postDetection(server.url, detection())).json()) as { incidentId: string };
    for (const id of [incidentId, camera.incidentId]) {
      const res = await fetch(`${server.url}/api/v1/incidents/${id}/cap`, { headers: { cookie: officer } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/cap\+xml/);
      const xml = await res.text();
      expect(validateCap(xml)).toBe('valid');
      expect(xml).toContain('<category>Transport</category>');
      expect(xml).toContain('<language>ar-EG</language>');
      expect(xml).toContain('سير عكس الاتجاه');
      expect(xml).toMatch(/<sent>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[23]:00<\/sent>/);
    }
  });

  it('the schema check itself refuses a broken document', () => {
    expect(validateCap(capAlert().replace('<status>Actual</status>', '<status>Real</status>'))).toMatch(/status/);
  });

  it('lists active incidents in an Atom feed linking to their CAP documents', async () => {
    const res = await fetch(`${server.url}/api/v1/cap/feed`, { headers: { cookie: officer } });
    expect(res.status).toBe(200);
    const atom = await res.text();
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(atom).toMatch(/<link rel="alternate" type="application\/cap\+xml" href="http:\/\/127\.0\.0\.1:\d+\/api\/v1\/incidents\/[\w-]+\/cap"/);
  });
});

describe('DATEX II v3 out', () => {
  const datexXsd = fileURLToPath(new URL('./schemas/datex2/d2Payload.xsd', import.meta.url));
  function validateDatex(xml: string): string {
    try {
      execFileSync('xmllint', ['--noout', '--nonet', '--schema', datexXsd, '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
      return 'valid';
    } catch (error) {
      return String((error as { stderr: Buffer }).stderr);
    }
  }

  it('publishes active wrong-way incidents as VehicleObstruction records that validate against the schema', async () => {
    await postDetection(server.url, detection({ kind: 'reckless' }));
    const { incidentId } = (await (await postDetection(server.url, detection())).json()) as { incidentId: string };
    const res = await fetch(`${server.url}/api/v1/datex2/situations`, { headers: { cookie: officer } });
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(validateDatex(xml)).toBe('valid');
    expect(xml).toContain(`id="rasd-${incidentId}"`);
    expect(xml).toContain('<sit:vehicleObstructionType>vehicleOnWrongCarriageway</sit:vehicleObstructionType>');
    expect(xml).toContain('<sit:safetyRelatedMessage>true</sit:safetyRelatedMessage>');
    const records = xml.match(/xsi:type="sit:VehicleObstruction"/g) ?? [];
    const situations = xml.match(/<sit:situation /g) ?? [];
    expect(records.length).toBe(situations.length);
  });

  it('the schema check itself refuses a record of the wrong type', () => {
    const broken = `<?xml version="1.0"?><d2:payload xmlns:d2="http://datex2.eu/schema/3/d2Payload" xmlns:com="http://datex2.eu/schema/3/common" xmlns:sit="http://datex2.eu/schema/3/situation" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="sit:SituationPublication" lang="en" modelBaseVersion="3"><com:publicationTime>2026-11-27T20:00:00Z</com:publicationTime></d2:payload>`;
    expect(validateDatex(broken)).toMatch(/publicationCreator/);
  });
});

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ErrorDetail } from '@rasd/shared';

/** A CAP 1.2 alert as Rasd reads it: the fields it maps, strings as written. */
export interface CapAlert {
  identifier: string;
  sender: string;
  sent: string;
  status: string;
  msgType: string;
  scope: string;
  references: { sender: string; identifier: string; sent: string }[];
  info: CapInfo[];
}

export interface CapInfo {
  language: string | null;
  category: string[];
  event: string;
  urgency: string;
  severity: string;
  certainty: string;
  headline: string | null;
  description: string | null;
  areas: { areaDesc: string; polygons: [number, number][][]; circles: { lat: number; lon: number; radiusKm: number }[] }[];
}

export class CapError extends Error {
  constructor(readonly details: ErrorDetail[]) {
    super(details.map((d) => `${d.path}: ${d.message}`).join('; '));
  }
}

const repeated = new Set(['info', 'area', 'category', 'polygon', 'circle', 'responseType', 'parameter', 'eventCode', 'geocode', 'resource', 'code']);

// No DTD processing at all: entities are never expanded, so neither XXE nor "billion laughs" can work.
const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  processEntities: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => repeated.has(name),
});

const enums: Record<string, readonly string[]> = {
  status: ['Actual', 'Exercise', 'System', 'Test', 'Draft'],
  msgType: ['Alert', 'Update', 'Cancel', 'Ack', 'Error'],
  scope: ['Public', 'Restricted', 'Private'],
  urgency: ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'],
  severity: ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'],
  certainty: ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'],
};

type Node = Record<string, unknown>;

function text(node: Node, name: string, path: string, errors: ErrorDetail[], required = true): string {
  const value = node[name];
  if (typeof value === 'string' && value.length > 0) {
    if (enums[name] && !enums[name].includes(value)) errors.push({ path: `${path}.${name}`, message: `must be one of ${enums[name].join(', ')}` });
    return value;
  }
  if (required) errors.push({ path: `${path}.${name}`, message: 'required element is missing' });
  return '';
}

function pair(s: string): [number, number] | null {
  const [lat, lon] = s.split(',').map(Number);
  return lat !== undefined && lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lat, lon] : null;
}

function parseArea(area: Node, path: string, errors: ErrorDetail[]): CapInfo['areas'][number] {
  const polygons = ((area.polygon as string[] | undefined) ?? []).map((p, i) => {
    const points = p.trim().split(/\s+/).map(pair);
    if (points.length < 4 || points.some((x) => !x)) errors.push({ path: `${path}.polygon[${i}]`, message: 'needs four or more "lat,lon" pairs' });
    return points.filter((x): x is [number, number] => x !== null);
  });
  const circles = ((area.circle as string[] | undefined) ?? []).flatMap((c, i) => {
    const [centre, radius] = c.trim().split(/\s+/);
    const point = centre ? pair(centre) : null;
    const radiusKm = Number(radius);
    if (!point || !Number.isFinite(radiusKm) || radiusKm < 0) {
      errors.push({ path: `${path}.circle[${i}]`, message: 'must be "lat,lon radiusKm"' });
      return [];
    }
    return [{ lat: point[0], lon: point[1], radiusKm }];
  });
  return { areaDesc: text(area, 'areaDesc', path, errors), polygons, circles };
}

/** Reads a CAP 1.2 document; a malformed one throws CapError naming each missing or bad element. */
export function parseCap(xml: string): CapAlert {
  if (xml.includes('\u0000')) throw new CapError([{ path: 'alert', message: 'NUL (U+0000) characters are not allowed in XML' }]);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new CapError([{ path: 'alert', message: 'DOCTYPE and ENTITY declarations are not accepted' }]);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new CapError([{ path: 'alert', message: `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})` }]);
  const doc = parser.parse(xml) as Node;
  const alert = doc.alert as Node | undefined;
  if (!alert || typeof alert !== 'object') throw new CapError([{ path: 'alert', message: 'the root element must be a CAP <alert>' }]);

  const errors: ErrorDetail[] = [];
  const references = typeof alert.references === 'string'
    ? alert.references.trim().split(/\s+/).map((r) => {
        const [sender = '', identifier = '', sent = ''] = r.split(',');
        return { sender, identifier, sent };
      })
    : [];
  const result: CapAlert = {
    identifier: text(alert, 'identifier', 'alert', errors),
    sender: text(alert, 'sender', 'alert', errors),
    sent: text(alert, 'sent', 'alert', errors),
    status: text(alert, 'status', 'alert', errors),
    msgType: text(alert, 'msgType', 'alert', errors),
    scope: text(alert, 'scope', 'alert', errors),
    references,
    info: ((alert.info as Node[] | undefined) ?? []).map((info, i) => {
      const path = `alert.info[${i}]`;
      const category = (info.category as string[] | undefined) ?? [];
      if (category.length === 0) errors.push({ path: `${path}.category`, message: 'required element is missing' });
      return {
        language: typeof info.language === 'string' ? info.language : null,
        category,
        event: text(info, 'event', path, errors),
        urgency: text(info, 'urgency', path, errors),
        severity: text(info, 'severity', path, errors),
        certainty: text(info, 'certainty', path, errors),
        headline: typeof info.headline === 'string' ? info.headline : null,
        description: typeof info.description === 'string' ? info.description : null,
        areas: ((info.area as Node[] | undefined) ?? []).map((a, j) => parseArea(a, `${path}.area[${j}]`, errors)),
      };
    }),
  };
  if (result.sent && Number.isNaN(Date.parse(result.sent))) errors.push({ path: 'alert.sent', message: 'not a date-time' });
  if (errors.length) throw new CapError(errors);
  return result;
}

import { XMLBuilder } from 'fast-xml-parser';
import type { Incident, Severity } from '@rasd/shared';

const builder = new XMLBuilder({ format: true, ignoreAttributes: false, processEntities: true, suppressEmptyNode: true });
const severity: Record<Severity, string> = { critical: 'highest', high: 'high', medium: 'medium', low: 'low' };

function record(i: Incident) {
  const verified = i.source !== 'social' || i.verification?.verdict === 'verified';
  return {
    '@_xsi:type': 'sit:VehicleObstruction',
    '@_id': `rasd-${i.id}`,
    '@_version': String(i.seq),
    'sit:situationRecordCreationTime': i.firstSeenAt,
    'sit:situationRecordVersionTime': i.lastSeenAt,
    'sit:probabilityOfOccurrence': verified ? 'certain' : 'probable',
    'sit:severity': severity[i.severity],
    'sit:safetyRelatedMessage': 'true',
    'sit:source': { 'com:sourceName': { 'com:values': { 'com:value': { '#text': 'Rasd traffic operations room', '@_lang': 'en' } } } },
    'sit:validity': { 'com:validityStatus': 'active', 'com:validityTimeSpecification': { 'com:overallStartTime': i.firstSeenAt } },
    'sit:locationReference': {
      '@_xsi:type': 'loc:PointLocation',
      'loc:pointByCoordinates': { 'loc:pointCoordinates': { 'loc:latitude': i.location.lat, 'loc:longitude': i.location.lon } },
    },
    'sit:vehicleObstructionType': 'vehicleOnWrongCarriageway',
  };
}

/**
 * Active wrong-way incidents as a DATEX II v3 SituationPublication, for road operators and
 * navigation providers: one situation per incident, one VehicleObstruction record each.
 */
export function wrongWaySituationPublication(incidents: readonly Incident[], publishedAt: string): string {
  const wrongWay = incidents.filter((i) => i.kind === 'wrong_way');
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'd2:payload': {
      '@_xmlns:d2': 'http://datex2.eu/schema/3/d2Payload',
      '@_xmlns:com': 'http://datex2.eu/schema/3/common',
      '@_xmlns:sit': 'http://datex2.eu/schema/3/situation',
      '@_xmlns:loc': 'http://datex2.eu/schema/3/locationReferencing',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:type': 'sit:SituationPublication',
      '@_lang': 'en',
      '@_modelBaseVersion': '3',
      'com:publicationTime': publishedAt,
      'com:publicationCreator': { 'com:country': 'eg', 'com:nationalIdentifier': 'RASD' },
      'sit:situation': wrongWay.map((i) => ({
        '@_id': `rasd-situation-${i.id}`,
        '@_version': String(i.seq),
        'sit:overallSeverity': severity[i.severity],
        'sit:headerInformation': { 'com:confidentiality': 'noRestriction', 'com:informationStatus': 'real' },
        'sit:situationRecord': record(i),
      })),
    },
  }) as string;
}

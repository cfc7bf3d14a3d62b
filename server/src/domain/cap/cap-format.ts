import { XMLBuilder } from 'fast-xml-parser';
import { DateTime } from 'luxon';
import { findCorridor, kindLabels, severityLabels, statusLabels, type Incident, type Language } from '@rasd/shared';
import { operationsZone } from '../shifts';

const capSeverity = { critical: 'Extreme', high: 'Severe', medium: 'Moderate', low: 'Minor' } as const;

/** CAP's dateTime: local time with a numeric offset, no fractions, no "Z". */
export function capDateTime(iso: string): string {
  return DateTime.fromISO(iso, { zone: operationsZone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

const builder = new XMLBuilder({ format: true, suppressEmptyNode: true, processEntities: true, ignoreAttributes: false });

function info(incident: Incident, language: Language, web: string | null) {
  const corridor = incident.corridorId ? findCorridor(incident.corridorId) : undefined;
  const place = corridor ? (language === 'ar' ? corridor.properties.name_ar : corridor.properties.name_en) : language === 'ar' ? 'القاهرة الكبرى' : 'Greater Cairo';
  const kind = kindLabels[incident.kind][language];
  const verified = incident.source === 'camera' || incident.verification?.verdict === 'verified';
  return {
    language: language === 'ar' ? 'ar-EG' : 'en-US',
    category: 'Transport',
    event: kind,
    responseType: incident.kind === 'wrong_way' ? 'Avoid' : 'Monitor',
    urgency: incident.kind === 'wrong_way' ? 'Immediate' : 'Expected',
    severity: capSeverity[incident.severity],
    certainty: incident.source === 'camera' ? 'Observed' : verified ? 'Likely' : 'Possible',
    eventCode: { valueName: 'rasd:kind', value: incident.kind },
    effective: capDateTime(incident.firstSeenAt),
    senderName: language === 'ar' ? 'غرفة عمليات المرور — رصد' : 'Traffic operations room — Rasd',
    headline: `${kind} — ${place}`,
    description:
      language === 'ar'
        ? `${kind} على ${place}. الخطورة: ${severityLabels[incident.severity].ar}. الحالة: ${statusLabels[incident.status].ar}.`
        : `${kind} on ${place}. Severity: ${severityLabels[incident.severity].en}. Status: ${statusLabels[incident.status].en}.`,
    instruction: incident.kind === 'wrong_way' ? (language === 'ar' ? 'التزم أقصى اليمين وهدئ السرعة.' : 'Keep to the far right and slow down.') : undefined,
    ...(web ? { web } : {}),
    parameter: [{ valueName: 'rasd:incidentId', value: incident.id }, { valueName: 'rasd:status', value: incident.status }],
    area: { areaDesc: place, circle: `${incident.location.lat.toFixed(5)},${incident.location.lon.toFixed(5)} 1.0` },
  };
}

/**
 * An incident as a CAP 1.2 alert, one info block in Arabic and one in English. The identifier
 * changes with every stored change (its seq), so a receiver sees each version as a new message.
 */
export function incidentToCap(incident: Incident, opts: { sender: string; web?: string | null }): string {
  const finished = incident.status === 'closed' || incident.status === 'rejected' || incident.status === 'merged';
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    alert: {
      '@_xmlns': 'urn:oasis:names:tc:emergency:cap:1.2',
      identifier: `urn:rasd:incident:${incident.id}:${incident.seq}`,
      sender: opts.sender,
      sent: capDateTime(incident.lastSeenAt > incident.firstSeenAt ? incident.lastSeenAt : incident.firstSeenAt),
      status: 'Actual',
      msgType: finished ? 'Cancel' : incident.alertCount > 1 || incident.claimedBy ? 'Update' : 'Alert',
      scope: 'Public',
      info: [info(incident, 'ar', opts.web ?? null), info(incident, 'en', opts.web ?? null)],
    },
  };
  return builder.build(doc) as string;
}

import { XMLBuilder } from 'fast-xml-parser';
import { findCorridor, kindLabels, type Incident } from '@rasd/shared';

const builder = new XMLBuilder({ format: true, ignoreAttributes: false, processEntities: true, suppressEmptyNode: true });

/** An Atom feed of active incidents, each entry linking to its CAP 1.2 document (the usual CAP feed form). */
export function capAtomFeed(incidents: readonly Incident[], opts: { baseUrl: string; updated: string }): string {
  const entries = incidents.map((i) => {
    const corridor = i.corridorId ? findCorridor(i.corridorId)?.properties.name_en : undefined;
    return {
      id: `urn:rasd:incident:${i.id}:${i.seq}`,
      title: `${kindLabels[i.kind].en}${corridor ? ` — ${corridor}` : ''}`,
      updated: i.lastSeenAt,
      category: { '@_term': 'Transport' },
      link: { '@_rel': 'alternate', '@_type': 'application/cap+xml', '@_href': `${opts.baseUrl}/api/v1/incidents/${i.id}/cap` },
      summary: `${kindLabels[i.kind].ar} / ${kindLabels[i.kind].en} (${i.severity}, ${i.status})`,
    };
  });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      id: 'urn:rasd:cap-feed',
      title: 'Rasd — active traffic incidents (CAP 1.2)',
      updated: opts.updated,
      author: { name: 'Rasd traffic operations room' },
      link: { '@_rel': 'self', '@_href': `${opts.baseUrl}/api/v1/cap/feed` },
      entry: entries,
    },
  }) as string;
}

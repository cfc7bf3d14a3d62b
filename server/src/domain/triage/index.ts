import type { AlertKind, GeoPoint, Severity } from '@rasd/shared';
import { resolvePlace, scanPlaces } from './gazetteer';
import { resolveKind, scanKind } from './kind';
import { tokenKeys, tokenise } from './normalise';
import { extractPlate } from './plate';
import { priorityOf, type Engagement } from './priority';

/**
 * Triage of one citizen post: what happened, where, which vehicle, and how urgently to look at it.
 * Pure and synchronous; every lexicon and gazetteer is compiled once when this module loads.
 */

export interface TriageInput {
  text: string;
  postedAt: string | Date;
  engagement?: Engagement;
  /** The platform's or the reporter's own location, trusted over place names in the text. */
  location?: GeoPoint;
}

export interface TriageResult {
  kind: AlertKind | null;
  corridorId: string | null;
  location: GeoPoint | null;
  /** Where `location` came from: the post itself, a named place, or the midpoint of a short corridor. */
  locationFrom: 'post' | 'landmark' | 'corridor' | null;
  plate: string | null;
  priority: number;
  severity: Severity;
  matchedTerms: string[];
}

export function triagePost(input: TriageInput, now: Date | number): TriageResult {
  const tokens = tokenise(input.text);
  const keys = tokens.map(tokenKeys);
  const kindScan = scanKind(tokens, keys);
  const placeScan = scanPlaces(tokens, keys);
  // Two hints that are weak alone corroborate each other: "سباقات عالمحور" is racing on 26 July.
  const mutual = kindScan.gatedHit && placeScan.weakCorridor;
  const { kind, matchedTerms: kindTerms } = resolveKind(kindScan, placeScan.corridorNamed || mutual);
  const place = resolvePlace(placeScan, kindScan.trafficContext || mutual);
  const { priority, severity } = priorityOf({ kind, postedAt: input.postedAt, engagement: input.engagement }, now);
  return {
    kind,
    corridorId: place.corridorId,
    location: input.location ?? place.location,
    locationFrom: input.location ? 'post' : place.locationFrom,
    plate: extractPlate(input.text),
    priority,
    severity,
    matchedTerms: [...kindTerms, ...place.matchedTerms],
  };
}

export { classifyKind } from './kind';
export { locate } from './gazetteer';
export { extractPlate, extractPlates } from './plate';
export { normalise, normaliseChars, tokenise } from './normalise';
export { priorityOf, type Engagement } from './priority';

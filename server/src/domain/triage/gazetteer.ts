import { corridors, type GeoPoint } from '@rasd/shared';
import { lineLengthKm, nearestOnLine, pointAlong, type LonLat } from './geo';
import { normalise, tokenKeys, tokenise } from './normalise';
import { PhraseMatcher } from './phrase-matcher';
import { corridorNames, ignoredNames, landmarks, replacedDataAliases, type Landmark } from './places';

type PlaceEntry =
  | { type: 'corridor'; corridorId: string; weak: boolean }
  | { type: 'landmark'; landmark: Landmark; weak: boolean }
  | { type: 'ignore' };

export interface PlaceHit {
  term: string;
  entry: Exclude<PlaceEntry, { type: 'ignore' }>;
  start: number;
  end: number;
}

export interface PlaceScan {
  hits: PlaceHit[];
  /** A corridor was named outright (not by a weak name): the post is about a road. */
  corridorNamed: boolean;
  /** A corridor was named only by a weak name ("المحور", "الصحراوي"). */
  weakCorridor: boolean;
}

export interface PlaceResult {
  corridorId: string | null;
  location: GeoPoint | null;
  /** How the location was found: from a named place, or from a short corridor alone. */
  locationFrom: 'landmark' | 'corridor' | null;
  matchedTerms: string[];
}

// The Regional Ring Road's line is a schematic loop (its data says: do not snap incidents to it).
const UNSNAPPABLE = new Set(['regional_ring_road']);
// A corridor named without a place gets its midpoint only when that is within a few km of anywhere on it.
const MIDPOINT_MAX_KM = 15;

const lines = new Map<string, readonly LonLat[]>(corridors.features.map((f) => [f.properties.id, f.geometry.coordinates]));
const midpoints = new Map<string, GeoPoint>();
for (const [id, line] of lines) if (lineLengthKm(line) <= MIDPOINT_MAX_KM) midpoints.set(id, pointAlong(line, 0.5));

const matcher = new PhraseMatcher<PlaceEntry>();
for (const f of corridors.features) {
  const entry: PlaceEntry = { type: 'corridor', corridorId: f.properties.id, weak: false };
  for (const name of [f.properties.name_ar, ...f.properties.aliases_ar]) {
    const literal = normalise(name); // data names are plain text, never pattern syntax
    if (!replacedDataAliases.has(literal)) matcher.add(literal, entry);
  }
}
for (const [corridorId, names] of Object.entries(corridorNames)) {
  for (const p of names.strong) matcher.add(p, { type: 'corridor', corridorId, weak: false });
  for (const p of names.weak) matcher.add(p, { type: 'corridor', corridorId, weak: true });
}
for (const landmark of landmarks) {
  const strong: PlaceEntry = { type: 'landmark', landmark, weak: false };
  const weak: PlaceEntry = { type: 'landmark', landmark, weak: true };
  for (const p of landmark.strong) matcher.add(p, strong);
  for (const p of landmark.weak) matcher.add(p, weak);
}
const IGNORE: PlaceEntry = { type: 'ignore' };
for (const p of ignoredNames) matcher.add(p, IGNORE);

export function scanPlaces(tokens: readonly string[], keys: readonly (readonly string[])[] = tokens.map(tokenKeys)): PlaceScan {
  const hits: PlaceHit[] = [];
  let corridorNamed = false;
  let weakCorridor = false;
  for (const m of matcher.match(keys)) {
    const entry = m.values[0]!;
    if (entry.type === 'ignore') continue;
    hits.push({ term: tokens.slice(m.start, m.end).join(' '), entry, start: m.start, end: m.end });
    if (entry.type === 'corridor') {
      if (entry.weak) weakCorridor = true;
      else corridorNamed = true;
    }
  }
  return { hits, corridorNamed, weakCorridor };
}

const pointOf = (l: Landmark): GeoPoint => ({ lat: l.lat, lon: l.lon });

/**
 * The corridor is the first one named (people name the road they are on first: "على المحور عند
 * الدائري"), else the corridor of a landmark that is part of one. The location is the named place,
 * moved onto the corridor when there is one ("الدائري عند المعادي" = the Ring Road where it passes Maadi).
 * `trafficContext`: the post is about traffic, which licenses weak names.
 */
// Places and corridors are fixed at load, so each landmark is snapped onto a corridor once.
const snaps = new Map<string, ReturnType<typeof nearestOnLine>>();
function snapOnto(corridorId: string, line: readonly LonLat[], landmark: Landmark) {
  const key = `${corridorId}|${landmark.lat},${landmark.lon}`;
  let snap = snaps.get(key);
  if (!snap) snaps.set(key, (snap = nearestOnLine(line, pointOf(landmark))));
  return snap;
}

export function resolvePlace(scan: PlaceScan, trafficContext = false): PlaceResult {
  const licensed = trafficContext || scan.corridorNamed;
  const hits = scan.hits.filter((h) => !h.entry.weak || licensed);
  const places = hits.flatMap((h) => (h.entry.type === 'landmark' ? [h.entry.landmark] : []));
  const named = hits.find((h) => h.entry.type === 'corridor');
  const corridorId =
    named?.entry.type === 'corridor' ? named.entry.corridorId : (places.find((l) => l.corridorId)?.corridorId ?? null);
  const matchedTerms = hits.map((h) => h.term);

  const line = corridorId && !UNSNAPPABLE.has(corridorId) ? lines.get(corridorId) : undefined;
  if (places.length > 0) {
    if (!line) return { corridorId, location: pointOf(places[0]!), locationFrom: 'landmark', matchedTerms };
    const snapped = places.map((l) => snapOnto(corridorId!, line, l)).reduce((a, b) => (b.km < a.km ? b : a));
    return { corridorId, location: snapped.point, locationFrom: 'landmark', matchedTerms };
  }
  const midpoint = corridorId ? midpoints.get(corridorId) : undefined;
  return { corridorId, location: midpoint ?? null, locationFrom: midpoint ? 'corridor' : null, matchedTerms };
}

/** Corridor and location from a post's words alone. */
export function locate(text: string, trafficContext = false): PlaceResult {
  return resolvePlace(scanPlaces(tokenise(text)), trafficContext);
}

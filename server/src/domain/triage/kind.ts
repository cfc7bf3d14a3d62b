import type { AlertKind } from '@rasd/shared';
import { lexicon, negationBreakers, negationBridges, negators, type Behaviour, type LexiconEntry } from './lexicon';
import { tokenKeys, tokenise } from './normalise';
import { PhraseMatcher } from './phrase-matcher';
import { speedFigures } from './speed-figures';

export type { Behaviour } from './lexicon';

/** One lexicon phrase found in a post. */
export interface KindHit {
  term: string;
  entry: LexiconEntry;
  /** Token span [start, end). */
  start: number;
  end: number;
  negated: boolean;
}

export interface KindScan {
  hits: KindHit[];
  /** The post talks about vehicles, roads or driving, whatever the behaviour. */
  trafficContext: boolean;
  /** A behaviour word that needs context was found ("سباقات", "طايرة"): it may corroborate a weak road name. */
  gatedHit: boolean;
}

const matcher = new PhraseMatcher<LexiconEntry>();
for (const entry of lexicon) for (const pattern of entry.patterns) matcher.add(pattern, entry);

// A synthetic entry for "200 كيلو" and "ماشي ١٦٠": figures cannot live in a phrase trie.
const SPEED_FIGURE: LexiconEntry = { kind: 'speeding', weight: 3, ctx: false, patterns: [] };

// When two behaviours score the same, the more dangerous one is what an officer must not miss.
const PRECEDENCE: readonly Behaviour[] = ['wrong_way', 'racing', 'speeding', 'reckless'];

const MAX_BRIDGES = 3; // "wasn ' t going the wrong way"

/** Walks back over bridge words ("كان", "the") looking for a negator; "بس" ("not only") stops it. */
function isNegated(tokens: readonly string[], start: number): boolean {
  for (let i = start - 1, bridges = 0; i >= 0 && bridges <= MAX_BRIDGES; i--) {
    const t = tokens[i]!;
    if (negationBreakers.has(t)) return false;
    if (negators.has(t)) return true;
    if (!negationBridges.has(t)) return false;
    bridges++;
  }
  return false;
}

/** Finds every behaviour, block and context phrase in an already tokenised post. */
export function scanKind(tokens: readonly string[], keys: readonly (readonly string[])[] = tokens.map(tokenKeys)): KindScan {
  const hits: KindHit[] = [];
  let trafficContext = false;
  let gatedHit = false;
  for (const m of matcher.match(keys)) {
    const entry = m.values[0]!;
    if (entry.kind === 'block') continue;
    if (entry.kind === 'context') {
      trafficContext = true;
      continue;
    }
    const negated = isNegated(tokens, m.start);
    hits.push({ term: tokens.slice(m.start, m.end).join(' '), entry, start: m.start, end: m.end, negated });
    // Even a denied behaviour ("مش عكس") shows the post is about traffic; a denied hint corroborates nothing.
    if (!entry.ctx) trafficContext = true;
    else if (!negated) gatedHit = true;
  }
  for (const f of speedFigures(tokens)) {
    hits.push({ term: f.term, entry: SPEED_FIGURE, start: f.start, end: f.end, negated: isNegated(tokens, f.start) });
    trafficContext = true;
  }
  return { hits, trafficContext, gatedHit };
}

export interface KindResult {
  kind: AlertKind | null;
  matchedTerms: string[];
}

/**
 * Picks the behaviour with the highest total weight (each distinct lexicon entry counted once).
 * With no behaviour, a post about traffic is 'other' and anything else null.
 * `placeContext`: the gazetteer found a road, which also makes a post about traffic.
 */
export function resolveKind(scan: KindScan, placeContext = false): KindResult {
  const context = scan.trafficContext || placeContext;
  const scores = new Map<Behaviour, number>();
  const counted = new Set<LexiconEntry>();
  const matchedTerms: string[] = [];
  for (const hit of scan.hits) {
    const kind = hit.entry.kind as Behaviour;
    if (hit.negated || (hit.entry.ctx && !context)) continue;
    matchedTerms.push(hit.term);
    if (counted.has(hit.entry)) continue;
    counted.add(hit.entry);
    scores.set(kind, (scores.get(kind) ?? 0) + hit.entry.weight);
  }
  let best: Behaviour | null = null;
  for (const kind of PRECEDENCE) {
    if ((scores.get(kind) ?? 0) > (best ? scores.get(best)! : 0)) best = kind;
  }
  return { kind: best ?? (context ? 'other' : null), matchedTerms };
}

/** Classifies one post on its own words (no gazetteer): convenient for tests and tools. */
export function classifyKind(text: string, placeContext = false): KindResult {
  return resolveKind(scanKind(tokenise(text)), placeContext);
}

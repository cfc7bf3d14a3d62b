import { EXACT, matchKey, normalise } from './normalise';

/**
 * A token trie for multi-word phrases, built once at module load, so a post is scanned in one
 * left-to-right pass however many thousand phrase variants the lexicon expands to.
 *
 * Pattern syntax (one slot per space-separated item):
 *   "a|b"  alternatives            "x?"  optional slot
 *   "*"    any one token           "=x"  the exact spelling, without article stripping
 *   "a_b"  a multi-word alternative inside one slot ("علي_عكس|ضد")
 * Alternatives are normalised like post text, so they may be written with hamza, ى, ة or diacritics.
 */

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  wild: TrieNode<T> | null;
  values: T[];
}

export interface PhraseMatch<T> {
  values: readonly T[];
  /** Token span [start, end). */
  start: number;
  end: number;
}

const node = <T>(): TrieNode<T> => ({ next: new Map(), wild: null, values: [] });
const WILDCARD = '\u0000*';

/** A slot's alternatives as token sequences; an optional slot includes the empty sequence. */
function expandSlot(slot: string): string[][] {
  const optional = slot.length > 1 && slot.endsWith('?');
  const body = optional ? slot.slice(0, -1) : slot;
  const seqs = body.split('|').map((alt): string[] => {
    if (alt === '*') return [WILDCARD];
    const exact = alt.startsWith('=');
    const tokens = normalise(exact ? alt.slice(1) : alt).split(' ').filter(Boolean);
    return exact ? tokens.map((t) => EXACT + t) : tokens.map(matchKey);
  });
  return optional ? [[], ...seqs] : seqs;
}

export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = node();

  add(pattern: string, value: T): this {
    let paths: string[][] = [[]];
    for (const slot of pattern.trim().split(/\s+/)) {
      const seqs = expandSlot(slot);
      paths = paths.flatMap((p) => seqs.map((s) => [...p, ...s]));
    }
    for (const path of paths) if (path.length > 0) this.insert(path, value);
    return this;
  }

  private insert(path: readonly string[], value: T): void {
    let at = this.root;
    for (const key of path) {
      if (key === WILDCARD) at = at.wild ??= node();
      else {
        let child = at.next.get(key);
        if (!child) at.next.set(key, (child = node()));
        at = child;
      }
    }
    if (!at.values.includes(value)) at.values.push(value);
  }

  /**
   * Greedy, non-overlapping, longest-first matches over per-token key lists (see `tokenKeys`).
   * At equal length a literal path beats one through a wildcard, so "محور الشهيد" wins over "محور *".
   */
  match(keys: readonly (readonly string[])[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < keys.length; ) {
      const best = this.longestAt(keys, i);
      if (best) {
        out.push({ values: best.values, start: i, end: best.end });
        i = best.end;
      } else i++;
    }
    return out;
  }

  private longestAt(keys: readonly (readonly string[])[], start: number) {
    let best: { values: T[]; end: number; wilds: number } | null = null;
    const walk = (at: TrieNode<T>, j: number, wilds: number): void => {
      if (at.values.length && (!best || j > best.end || (j === best.end && wilds < best.wilds))) {
        best = { values: at.values, end: j, wilds };
      }
      if (j >= keys.length) return;
      for (const key of keys[j]!) {
        const child = at.next.get(key);
        if (child) walk(child, j + 1, wilds);
      }
      if (at.wild && j > start) walk(at.wild, j + 1, wilds + 1);
    };
    walk(this.root, start, 0);
    return best as { values: T[]; end: number; wilds: number } | null;
  }
}

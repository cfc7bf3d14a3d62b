/** Word-bigram shingles of already-normalised text. */
function shingles(text: string): Set<string> {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 2) return new Set(words);
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}

/** Jaccard similarity of word bigrams: 1 for the same wording, near 1 for a re-share with a word or two changed. */
export function textSimilarity(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  if (x.size === 0 && y.size === 0) return 1;
  let common = 0;
  for (const s of x) if (y.has(s)) common += 1;
  return common / (x.size + y.size - common);
}

/** Two posts are one re-shared story when their normalised text is this similar. */
export const reshareSimilarity = 0.7;

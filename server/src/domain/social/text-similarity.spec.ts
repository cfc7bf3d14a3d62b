import { describe, expect, it } from 'vitest';
import { reshareSimilarity, textSimilarity } from './text-similarity';

describe('textSimilarity', () => {
  const post = 'عربيه ماشيه عكس الاتجاه علي الدائري عند المعادي دلوقتي والناس بتصور';
  it('recognises a re-share with a word added or dropped', () => {
    expect(textSimilarity(post, post)).toBe(1);
    expect(textSimilarity(post, `${post} شير`)).toBeGreaterThan(reshareSimilarity);
    expect(textSimilarity(post, post.replace(' دلوقتي', ''))).toBeGreaterThan(reshareSimilarity);
  });
  it('keeps different stories apart, even on the same road', () => {
    expect(textSimilarity(post, 'ميكروباص بيسابق عربيه علي الدائري عند المعادي من شويه')).toBeLessThan(reshareSimilarity);
  });
});

import { describe, expect, it } from 'vitest';
import { tokenKeys, tokenise } from './normalise';
import { PhraseMatcher } from './phrase-matcher';

const run = (m: PhraseMatcher<string>, text: string) => {
  const tokens = tokenise(text);
  return m.match(tokens.map(tokenKeys)).map((x) => `${x.values.join('+')}:${tokens.slice(x.start, x.end).join(' ')}`);
};

describe('PhraseMatcher', () => {
  it('expands alternatives, optional slots and multi-word alternatives', () => {
    const m = new PhraseMatcher<string>().add('ماشي|جاي في? عكس|الاتجاه_المعاكس', 'ww');
    expect(run(m, 'جاي عكس')).toEqual(['ww:جاي عكس']);
    expect(run(m, 'ماشي في الاتجاه المعاكس')).toEqual(['ww:ماشي في الاتجاه المعاكس']);
    expect(run(m, 'ماشي في')).toEqual([]);
  });

  it('normalises its patterns like post text', () => {
    const m = new PhraseMatcher<string>().add('كوبري ٦ أكتوبر', 'bridge');
    expect(run(m, 'على كوبرى 6 اكتوبر')).toEqual(['bridge:كوبري 6 اكتوبر']);
  });

  it('takes the longest match, left to right, without overlaps', () => {
    const m = new PhraseMatcher<string>().add('الدائري', 'ring').add('الدائري الإقليمي', 'regional');
    expect(run(m, 'من الدائري للدائري الاقليمي')).toEqual(['ring:الدايري', 'regional:للدايري الاقليمي']);
  });

  it('prefers a literal path to a wildcard of the same length', () => {
    const m = new PhraseMatcher<string>().add('=محور *', 'other axis').add('محور الشهيد', 'shahid');
    expect(run(m, 'محور الشهيد')).toEqual(['shahid:محور الشهيد']);
    expect(run(m, 'محور صفط')).toEqual(['other axis:محور صفط']);
  });

  it('matches exact spellings only against the same spelling', () => {
    const m = new PhraseMatcher<string>().add('=بالعكس', 'contrary').add('عكس', 'against');
    expect(run(m, 'بالعكس')).toEqual(['contrary:بالعكس']);
    expect(run(m, 'العكس عكس')).toEqual(['against:العكس', 'against:عكس']);
  });
});

import { describe, expect, it } from 'vitest';
import { classifyKind } from './kind';
import { speedFigures } from './speed-figures';
import { tokenise } from './normalise';

const kindOf = (text: string, placeContext = false) => classifyKind(text, placeContext).kind;

describe('classifyKind', () => {
  it.each([
    ['عربية ماشية عكس الاتجاه', 'wrong_way'],
    ['ميكروباص داخل في الممنوع', 'wrong_way'],
    ['سائق يسير في الاتجاه المعاكس', 'wrong_way'],
    ['تريلا جاية في وشنا', 'wrong_way'],
    ['wrong-way driver on the bridge', 'wrong_way'],
    ['mashy 3aks', 'wrong_way'],
    ['ضبط قائد سيارة لقيادته برعونة', 'reckless'],
    ['سواق متهور بيغرز بين العربيات', 'reckless'],
    ['reckless driver weaving', 'reckless'],
    ['تفحيط وحركات استعراضية', 'racing'],
    ['عربيتين بيتسابقوا', 'racing'],
    ['موتوسيكل بيعمل ويلي', 'racing'],
    ['street racing tonight', 'racing'],
    ['عربية بسرعة جنونية', 'speeding'],
    ['تجاوز السرعة المقررة', 'speeding'],
    ['speeding car', 'speeding'],
    ['ماشي ٢٠٠ كيلو', 'speeding'],
    ['حادثة والطريق واقف', 'other'],
    ['زحمة فظيعة', 'other'],
    ['الجو حر جدا', null],
  ])('%s → %s', (text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });

  it('lets the more dangerous behaviour win a tie, and wrong way win over its companions', () => {
    expect(kindOf('سباق وبسرعة جنونية')).toBe('racing');
    expect(kindOf('ماشي عكس وبسرعة جنونية وبرعونة')).toBe('wrong_way');
  });

  it('reads a negation just before a phrase as denying it', () => {
    expect(kindOf('مش عكس ولا حاجة، العربية كانت بتلف')).toBe('other');
    expect(kindOf('العربية مكانتش ماشية عكس')).toBe('other');
    expect(kindOf('السائق لم يكن يسير عكس الاتجاه')).toBe('other');
    expect(kindOf("the car wasn't going the wrong way")).toBe('other');
  });

  it('does not let a negation reach past "only" or another verb', () => {
    expect(kindOf('مش بس ماشي عكس، كمان بيتصور')).toBe('wrong_way');
    expect(kindOf('عامل نفسه مش شايف وداخل عكس')).toBe('wrong_way');
  });

  it('counts words with an everyday sense only in a post about traffic', () => {
    expect(kindOf('البوست ده طاير على الفيس')).toBe(null);
    expect(kindOf('عربية طايرة على الكوبري')).toBe('speeding');
    expect(kindOf('طاير على المحور', false)).toBe(null);
    expect(kindOf('طاير على المحور', true)).toBe('speeding');
  });

  it('ignores known non-traffic senses', () => {
    expect(kindOf('على عكس التوقعات فاز الفريق')).toBe(null);
    expect(kindOf('بالعكس، الفيلم حلو')).toBe(null);
    expect(kindOf('سباق الخيل يوم الجمعة')).toBe(null);
    expect(kindOf('عربية راكنة في الممنوع')).toBe('other');
  });

  it('reports the words it used, without the negated ones', () => {
    expect(classifyKind('مش عكس، بس كان بسرعة جنونية').matchedTerms).toEqual(['بسرعه جنونيه']);
  });
});

describe('speedFigures', () => {
  const kmh = (text: string) => speedFigures(tokenise(text)).map((f) => f.kmh);

  it('reads a figure with a unit, or after a driving word', () => {
    expect(kmh('180 km/h')).toEqual([180]);
    expect(kmh('ماشي ١٦٠ على الصحراوي')).toEqual([160]);
    expect(kmh('doing like 170 on the autostrad')).toEqual([170]);
    expect(kmh('ماشي بالعربية حوالي ٢٢٠')).toEqual([220]);
  });

  it('ignores ordinary numbers', () => {
    expect(kmh('ماشي 10 دقايق')).toEqual([]);
    expect(kmh('الكيلو 120 على الصحراوي')).toEqual([]);
    expect(kmh('ماشي 150 متر وهتلاقيه')).toEqual([]);
    expect(kmh('تحرير 1200 مخالفة')).toEqual([]);
    expect(kmh('80 كيلو')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { normalisePostUrl } from './post-url';

describe('normalisePostUrl', () => {
  it.each([
    ['https://www.facebook.com/watch/?v=123&fbclid=IwAR0abc', 'https://facebook.com/watch?v=123'],
    ['HTTP://M.Facebook.com/story.php?story_fbid=9&id=7&__tn__=R', 'https://facebook.com/story.php?id=7&story_fbid=9'],
    ['https://www.tiktok.com/@user/video/7301?is_from_webapp=1&sender_device=pc', 'https://tiktok.com/@user/video/7301'],
    ['https://x.com/someone/status/55/?s=20&t=abc', 'https://x.com/someone/status/55'],
    ['https://www.youtube.com/watch?v=abc&utm_source=share&si=xyz#t=30', 'https://youtube.com/watch?v=abc'],
    ['https://example.com:443/a/b/', 'https://example.com/a/b'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePostUrl(input)).toBe(expected);
  });

  it('keeps parameters that identify the post', () => {
    expect(normalisePostUrl('https://www.youtube.com/watch?v=abc')).not.toBe(normalisePostUrl('https://www.youtube.com/watch?v=abd'));
  });
});

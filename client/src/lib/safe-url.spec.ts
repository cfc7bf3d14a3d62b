import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from './safe-url';

describe('safeHttpUrl', () => {
  it('keeps absolute http and https links', () => {
    expect(safeHttpUrl('https://cams.example/s.jpg')).toBe('https://cams.example/s.jpg');
    expect(safeHttpUrl('http://10.0.0.5/clip.mp4')).toBe('http://10.0.0.5/clip.mp4');
  });

  it('refuses script, data, file and relative links, and non-strings', () => {
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:image/png;base64,AAAA', 'file:///etc/passwd', '/relative.jpg', '', 42, null]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });
});

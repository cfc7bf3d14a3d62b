import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './origin';

describe('isAllowedOrigin', () => {
  it('accepts the page’s own origin and listed ones', () => {
    expect(isAllowedOrigin('http://127.0.0.1:3000', '127.0.0.1:3000', [])).toBe(true);
    expect(isAllowedOrigin('https://ops.example', '10.0.0.5:3000', ['https://ops.example'])).toBe(true);
  });
  it('refuses a foreign origin, another port, and garbage', () => {
    expect(isAllowedOrigin('https://evil.example', '127.0.0.1:3000', [])).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:3001', '127.0.0.1:3000', [])).toBe(false);
    expect(isAllowedOrigin('null', '127.0.0.1:3000', [])).toBe(false);
  });
  it('lets requests without Origin (machines, not browsers) through', () => {
    expect(isAllowedOrigin(undefined, '127.0.0.1:3000', [])).toBe(true);
  });
});

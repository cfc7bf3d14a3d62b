import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordAttack } from './summary';

// A lint rule as a test: untrusted text reaches these views, so none may write raw HTML or eval code.
const forbidden = [/dangerouslySetInnerHTML/, /\.innerHTML\s*=/, /\.outerHTML\s*=/, /insertAdjacentHTML/, /\beval\(/, /new Function\(/, /document\.write/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.spec.ts') && !name.endsWith('.spec.tsx') ? [full] : [];
  });
}

describe('no HTML injection sinks in the client', () => {
  const clientSrc = path.resolve(import.meta.dirname, '../../../client/src');
  const files = sources(clientSrc);

  it('scans the whole client source', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('uses none of the raw-HTML or eval sinks', () => {
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (forbidden.some((re) => re.test(line)) ? [`${path.relative(clientSrc, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    recordAttack('raw-HTML and eval sinks in client source files', files.length, files.length - hits.length, hits.length);
    expect(hits).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { chainHash, genesisHash, verifyChain, type ChainedAuditRecord } from './audit-chain';

function chain(n: number): ChainedAuditRecord[] {
  const out: ChainedAuditRecord[] = [];
  let prev = genesisHash;
  for (let id = 1; id <= n; id++) {
    const content = { id, at: `2026-11-27T18:00:0${id}.000Z`, actor: 'amr', action: 'claimed', incidentId: 'i1', data: { n: id } };
    const hash = chainHash(content, prev);
    out.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(5))).toEqual({ ok: true, entries: 5 });
  });

  it('names an entry whose content was edited', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, actor: 'mona' };
    expect(verifyChain(c)).toEqual({ ok: false, firstBadEntry: { id: 3, reason: 'content does not match its hash' } });
  });

  it('names the entry after one that was deleted', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyChain(c)).toMatchObject({ ok: false, firstBadEntry: { id: 3 } });
  });

  it('names a rewritten entry even when its own hash was recomputed', () => {
    const c = chain(4);
    const forged = { ...c[1]!, data: { n: 99 } };
    const { prevHash, hash: _h, ...content } = forged;
    c[1] = { ...forged, hash: chainHash(content, prevHash) };
    expect(verifyChain(c)).toMatchObject({ ok: false, firstBadEntry: { id: 3, reason: 'link to the previous entry is broken' } });
  });
});

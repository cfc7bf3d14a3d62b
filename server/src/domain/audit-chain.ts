import { createHash } from 'node:crypto';
import { canonicalHash } from './canonical-hash';

export interface AuditRecord {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  incidentId: string | null;
  data: Record<string, unknown>;
}

export interface ChainedAuditRecord extends AuditRecord {
  prevHash: string;
  hash: string;
}

export const genesisHash = createHash('sha256').update('rasd-audit-genesis').digest('base64url');

/** The hash of one entry covers its content and the previous hash, so any edit breaks every later link. */
export function chainHash(record: AuditRecord, prevHash: string): string {
  return canonicalHash({ ...record, prevHash });
}

/** Recomputes the chain; names the first entry whose content or link does not match. */
export function verifyChain(records: readonly ChainedAuditRecord[]): { ok: true; entries: number } | { ok: false; firstBadEntry: { id: number; reason: string } } {
  let prev = genesisHash;
  for (const r of records) {
    const { prevHash, hash, ...content } = r;
    if (prevHash !== prev) return { ok: false, firstBadEntry: { id: r.id, reason: 'link to the previous entry is broken' } };
    if (chainHash(content, prevHash) !== hash) return { ok: false, firstBadEntry: { id: r.id, reason: 'content does not match its hash' } };
    prev = hash;
  }
  return { ok: true, entries: records.length };
}

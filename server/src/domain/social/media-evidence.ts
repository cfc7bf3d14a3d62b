import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-hash';

/**
 * SHA-256 (hex) of what was recorded about each media file when the report came in: its URL, the post
 * it came with, and when. Anyone holding the same record can recompute and compare it.
 */
export function mediaEvidence(media: readonly string[], record: { postUrl: string; postedAt: string; receivedAt: string }) {
  return media.map((url) => ({ url, sha256: createHash('sha256').update(canonicalJson({ url, ...record })).digest('hex') }));
}

/**
 * The URL when it is an absolute http(s) link, else null. Media links come from camera
 * gateways; the server validates them too, but a `javascript:` or `data:` link must never
 * reach an href or an <img> even if an older or foreign record slipped through.
 */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

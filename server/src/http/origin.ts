/**
 * A browser's Origin is acceptable when it is the page's own (same host as the request) or listed.
 * A missing Origin is not a browser's cross-site request, so it is not refused here.
 */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined, allowlist: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (allowlist.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

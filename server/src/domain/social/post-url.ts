// Parameters that track the sharer, not the post: two links differing only in these are one post.
const trackingParams = [/^utm_/i, /^fbclid$/i, /^gclid$/i, /^igshid$/i, /^igsh$/i, /^mibextid$/i, /^si$/i, /^ref$/i, /^ref_src$/i, /^s$/i, /^t$/i, /^_rdr$/i, /^__cft__/i, /^__tn__$/i, /^is_from_webapp$/i, /^sender_device$/i];
const mobileHosts = /^(www|m|mobile|web|mbasic|vm)\./;

/**
 * The form of a post or media URL used to recognise the same post again: scheme and host lower-cased,
 * `www.`/`m.` dropped, tracking parameters and the fragment removed, the rest sorted, no trailing slash.
 */
export function normalisePostUrl(raw: string): string {
  const url = new URL(raw.trim());
  const host = url.hostname.toLowerCase().replace(mobileHosts, '');
  const params = [...url.searchParams.entries()]
    .filter(([k]) => !trackingParams.some((p) => p.test(k)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  const port = url.port && !['80', '443'].includes(url.port) ? `:${url.port}` : '';
  return `https://${host}${port}${path}${query}`;
}

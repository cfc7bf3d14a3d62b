/**
 * External media opens in a new tab that cannot reach back into the desk (noopener) nor learn where
 * it was opened from (noreferrer). `href` must already be a checked http(s) URL (lib/safe-url).
 */
export function MediaLink({ href, label, tabIndex }: { href: string; label: string; tabIndex?: number }) {
  return (
    <a className="media-link" href={href} target="_blank" rel="noopener noreferrer" data-testid="media-link" tabIndex={tabIndex}>
      {label}
    </a>
  );
}

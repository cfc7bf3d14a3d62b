import { limits, type SocialPost, type SocialReport } from '@rasd/shared';

/** The text cut to `max` characters (whole code points, so no emoji or letter is split), marked when cut. */
export function excerpt(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/**
 * What an incident carries of a report for the social queue. Only an excerpt: every change of the
 * incident goes to every desk, and the full text is one click away in the incident's alerts.
 */
export function socialPostOf(report: SocialReport): SocialPost {
  return {
    platform: report.platform,
    postUrl: report.postUrl,
    postedAt: new Date(report.postedAt).toISOString(),
    text: excerpt(report.text, limits.postExcerptMax),
    author: report.author ?? null,
    mediaUrl: report.mediaUrls?.[0] ?? null,
    engagement: report.engagement ?? null,
  };
}

import { useTranslation } from 'react-i18next';
import type { Engagement, Incident } from '@rasd/shared';
import { formatCompact, formatNumber } from '../i18n/format';
import { safeHttpUrl } from '../lib/safe-url';
import { useStore } from '../store';
import { MediaLink } from './MediaLink';

const engagementKeys = ['views', 'shares', 'likes', 'comments'] as const satisfies readonly (keyof Engagement)[];

/** The score's band on its 0–100 scale, for its colour: across the room colour is read before digits. */
function heatOf(priority: number): 'hot' | 'warm' | 'cool' {
  return priority >= 70 ? 'hot' : priority >= 40 ? 'warm' : 'cool';
}

/**
 * The post behind a social incident, in the social queue: platform and author, how far it spread,
 * its text (untrusted: only ever a text node, direction from its own letters) and one link out,
 * to the media or else the post, only when it is http(s).
 */
export function SocialPostSummary({ incident, linkTabIndex }: { incident: Incident; linkTabIndex: number }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const post = incident.socialPost;
  const media = safeHttpUrl(post?.mediaUrl);
  const link = media ?? safeHttpUrl(post?.postUrl);
  const engagement = post?.engagement ?? {};
  const counts = engagementKeys.filter((key) => engagement[key] !== undefined);
  return (
    <div className="social-post" data-testid="social-post">
      <div className="incident-row">
        {post && (
          <span className="social-platform">
            {t('alerts.platform.' + post.platform)}
            {post.author && <> · <bdi data-testid="social-author">{post.author}</bdi></>}
          </span>
        )}
        {incident.priority !== undefined && (
          <span className={'viral-score viral-score--' + heatOf(incident.priority)} data-testid="social-priority" data-priority={incident.priority}>
            {t('social.priority', { n: formatNumber(Math.round(incident.priority), language) })}
          </span>
        )}
      </div>
      {post && (
        <p className="social-post-text" dir="auto" data-testid="social-post-text">
          {post.text}
        </p>
      )}
      {(counts.length > 0 || link) && (
        <div className="incident-row incident-meta social-engagement" data-testid="social-engagement">
          {counts.map((key) => (
            <span key={key}>{t('social.' + key, { n: formatCompact(engagement[key] ?? 0, language) })}</span>
          ))}
          {link && <MediaLink href={link} label={t(media ? 'social.openMedia' : 'social.openPost')} tabIndex={linkTabIndex} />}
        </div>
      )}
    </div>
  );
}

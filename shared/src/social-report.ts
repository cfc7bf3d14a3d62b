import { z } from 'zod';
import { limits } from './limits';
import { alertKindSchema, geoPointSchema, httpUrlSchema, isoDateTimeSchema } from './common';

export const socialPlatforms = ['facebook', 'tiktok', 'x', 'instagram', 'youtube', 'whatsapp', 'other'] as const;
export const socialPlatformSchema = z.enum(socialPlatforms);

const count = z.number().int().min(0).max(10_000_000_000);

/** A post's reactions as the platform showed them when it was reported. */
export const engagementSchema = z.object({
  likes: count.optional(),
  shares: count.optional(),
  comments: count.optional(),
  views: count.optional(),
});
export type Engagement = z.infer<typeof engagementSchema>;

/** A citizen's post or video, as posted to `POST /api/v1/social-reports`. Its text is untrusted. */
export const socialReportSchema = z.object({
  platform: socialPlatformSchema,
  postUrl: httpUrlSchema,
  postedAt: isoDateTimeSchema,
  text: z.string().min(1).max(limits.textMax),
  author: z.string().max(limits.authorMax).optional(),
  mediaUrls: z.array(httpUrlSchema).max(limits.mediaUrlsMax).optional(),
  engagement: engagementSchema.optional(),
  location: geoPointSchema.optional(),
});
export type SocialReport = z.infer<typeof socialReportSchema>;

export const socialIngestResultSchema = z.object({
  alertId: z.string(),
  incidentId: z.string(),
  duplicate: z.boolean(),
  extracted: z.lazy(() => socialExtractionSchema),
});

export const socialExtractionSchema = z.object({
  kind: alertKindSchema.nullable(),
  corridorId: z.string().nullable(),
  plate: z.string().nullable(),
});

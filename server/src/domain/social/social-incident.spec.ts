import { describe, expect, it } from 'vitest';
import { limits, type Incident, type SocialReport } from '@rasd/shared';
import { incidentFromSocial, joinReport, type TriageResult } from './social-incident';
import { excerpt } from './social-post';

const report = (overrides: Partial<SocialReport> = {}): SocialReport => ({
  platform: 'facebook',
  postUrl: 'https://facebook.com/p/1',
  postedAt: '2026-11-22T17:55:00+02:00',
  text: 'عربية ماشية عكس الاتجاه على الدائري',
  location: { lat: 29.98, lon: 31.28 },
  ...overrides,
});
const triage = (priority: number): TriageResult => ({ kind: 'wrong_way', corridorId: 'ring_road', location: null, plate: null, priority });

describe('the social post an incident carries', () => {
  it('is the report as given, with its first media URL and the time in UTC', () => {
    const incident = incidentFromSocial('i1', 1, report({ author: 'witness', mediaUrls: ['https://m.example/a.mp4', 'https://m.example/b.mp4'], engagement: { views: 900 } }), triage(40));
    expect(incident.socialPost).toEqual({
      platform: 'facebook',
      postUrl: 'https://facebook.com/p/1',
      postedAt: '2026-11-22T15:55:00.000Z',
      text: 'عربية ماشية عكس الاتجاه على الدائري',
      author: 'witness',
      mediaUrl: 'https://m.example/a.mp4',
      engagement: { views: 900 },
    });
    expect(incidentFromSocial('i2', 2, report(), triage(40)).socialPost).toMatchObject({ author: null, mediaUrl: null, engagement: null });
  });

  it('carries a long text only as an excerpt, cut between whole characters', () => {
    const long = '😡'.repeat(limits.postExcerptMax + 5);
    const cut = excerpt(long, limits.postExcerptMax);
    expect(Array.from(cut)).toHaveLength(limits.postExcerptMax);
    expect(cut.endsWith('😡…')).toBe(true);
    expect(excerpt('قصير', limits.postExcerptMax)).toBe('قصير');
  });

  it('switches to a joining report only when it outranks the current one', () => {
    const quiet = incidentFromSocial('i1', 1, report(), triage(30));
    const viral = report({ platform: 'tiktok', postUrl: 'https://tiktok.com/v/2', engagement: { views: 120_000 } });
    const raised = joinReport(quiet, 2, viral, triage(85));
    expect(raised).toMatchObject({ seq: 2, priority: 85, alertCount: 2, socialPost: { platform: 'tiktok', engagement: { views: 120_000 } } });
    const after = joinReport(raised, 3, report({ postUrl: 'https://facebook.com/p/3' }), triage(20));
    expect(after).toMatchObject({ priority: 85, alertCount: 3, socialPost: raised.socialPost });
  });

  it('gives a camera incident its first post when a report corroborates it', () => {
    const camera = { ...incidentFromSocial('c1', 1, report(), triage(0)), source: 'camera', priority: undefined, socialPost: undefined } as Incident;
    expect(joinReport(camera, 2, report(), triage(10))).toMatchObject({ source: 'mixed', priority: 10, socialPost: { postUrl: 'https://facebook.com/p/1' } });
  });
});

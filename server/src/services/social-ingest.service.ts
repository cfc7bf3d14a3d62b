import { randomUUID } from 'node:crypto';
import distance from '@turf/distance';
import type { Alert, Incident, SocialReport } from '@rasd/shared';
import { isUniqueViolation, type Database } from '../db/database';
import { canonicalHash } from '../domain/canonical-hash';
import { mediaEvidence } from '../domain/social/media-evidence';
import { normalisePostUrl } from '../domain/social/post-url';
import { incidentFromSocial, joinReport, locateReport, type TriageResult } from '../domain/social/social-incident';
import { reshareSimilarity, textSimilarity } from '../domain/social/text-similarity';
import { incidentRepository as repo } from '../repositories/incident.repository';
import type { AuditService } from './audit.service';
import type { Publisher } from './publisher';

/** The Arabic triage the service reads posts with (pure domain code, passed in). */
export interface TextTriage {
  triage(report: SocialReport, now: Date): TriageResult;
  normalise(text: string): string;
}

export interface CorroborationPolicy {
  km: number;
  minutes: number;
}

export interface SocialIngestOutcome {
  created: boolean;
  result: { alertId: string; incidentId: string; duplicate: boolean; extracted: { kind: string | null; corridorId: string | null; plate: string | null } };
}

type SocialAlert = Extract<Alert, { source: 'social' }>;

const dayMs = 86_400_000;

/** Citizens' posts: de-duplicated by URL, joined to the incident they re-share or corroborate, else a new one to verify. */
export function createSocialIngestService(db: Database, publisher: Publisher, text: TextTriage, audit: AuditService, policy: CorroborationPolicy) {
  const answer = (alert: SocialAlert, created: boolean): SocialIngestOutcome => ({
    created,
    result: { alertId: alert.id, incidentId: alert.incidentId, duplicate: !created, extracted: alert.extracted },
  });

  /** The incident this report belongs to, if any, and why. */
  async function findHome(report: SocialReport, triage: TriageResult, mediaKeys: string[], normalizedText: string, now: Date) {
    const byMedia = await repo.incidentWithMedia(db, mediaKeys);
    if (byMedia) return { incidentId: byMedia, reason: 'same_media' };
    const recent = await repo.recentSocialTexts(db, new Date(now.getTime() - dayMs).toISOString(), 500);
    const reshared = recent.find((r) => textSimilarity(r.text, normalizedText) >= reshareSimilarity);
    if (reshared) return { incidentId: reshared.incidentId, reason: 'same_text' };
    if (triage.kind && triage.corridorId) {
      const postedAt = Date.parse(report.postedAt);
      const window = policy.minutes * 60_000;
      const candidates = await repo.cameraIncidentsNear(db, triage.kind, triage.corridorId, new Date(postedAt - window).toISOString(), new Date(postedAt + window).toISOString());
      const where = locateReport(report, triage).location;
      const near = candidates.find((c) => distance([c.location.lon, c.location.lat], [where.lon, where.lat], { units: 'kilometers' }) <= policy.km);
      if (near) return { incidentId: near.id, reason: 'corroborates_camera' };
    }
    return null;
  }

  return {
    async ingest(sender: string, report: SocialReport, now = new Date()): Promise<SocialIngestOutcome> {
      const normalizedUrl = normalisePostUrl(report.postUrl);
      const earlier = await repo.findSocialAlert(db, normalizedUrl);
      if (earlier) return answer(earlier as SocialAlert, false);

      const triage = text.triage(report, now);
      const normalizedText = text.normalise(report.text);
      const mediaKeys = (report.mediaUrls ?? []).map(normalisePostUrl);
      const home = await findHome(report, triage, mediaKeys, normalizedText, now);
      const receivedAt = now.toISOString();
      const postedAt = new Date(report.postedAt).toISOString();

      let stored: { incident: Incident; alert: SocialAlert };
      try {
        stored = await db.transaction(async (tx) => {
          const seq = await repo.nextSeq(tx);
          const existing = home ? await repo.get(tx, home.incidentId) : null;
          const incident = existing ? joinReport(existing, seq, report, triage) : incidentFromSocial(randomUUID(), seq, report, triage);
          const alert: SocialAlert = {
            ...report,
            id: randomUUID(),
            incidentId: incident.id,
            seq,
            source: 'social',
            sender,
            receivedAt,
            normalizedUrl,
            extracted: { kind: triage.kind, corridorId: triage.corridorId, plate: triage.plate },
            priority: triage.priority,
            mediaEvidence: mediaEvidence(report.mediaUrls ?? [], { postUrl: report.postUrl, postedAt, receivedAt }),
          };
          await repo.upsertIncident(tx, incident);
          await repo.insertAlert(tx, alert, normalizedUrl, canonicalHash(report), { mediaKeys, normalizedText });
          const type = existing ? 'report_joined' : 'opened';
          const data = { alertId: alert.id, postUrl: report.postUrl, status: incident.status, reason: home?.reason ?? null };
          await repo.appendHistory(tx, incident.id, { seq, at: receivedAt, type, actor: sender, data });
          await audit.append(tx, {
            at: receivedAt,
            actor: sender,
            action: existing ? 'incident.report_joined' : 'incident.opened',
            incidentId: incident.id,
            data: { alertId: alert.id, postUrl: report.postUrl, postedAt, receivedAt, mediaEvidence: alert.mediaEvidence, reason: home?.reason ?? null },
          });
          return { incident, alert };
        });
      } catch (error) {
        // Two senders posting the same URL at once: the loser answers as a duplicate.
        const raced = isUniqueViolation(error) ? await repo.findSocialAlert(db, normalizedUrl) : null;
        if (raced) return answer(raced as SocialAlert, false);
        throw error;
      }
      publisher.incidentChanged(stored.incident);
      publisher.alertStored(stored.alert);
      return answer(stored.alert, true);
    },
  };
}
export type SocialIngestService = ReturnType<typeof createSocialIngestService>;

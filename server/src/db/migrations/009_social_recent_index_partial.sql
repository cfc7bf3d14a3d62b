-- The recent-social-reports index (003) covered every alert, so each camera alert paid for an
-- entry (and a JSONB field read) that only the social look-up uses: that look-up always asks for
-- source = 'social', so the index now holds social alerts alone.
DROP INDEX alerts_social_recent_idx;
CREATE INDEX alerts_social_recent_idx ON alerts ((doc->>'receivedAt')) WHERE source = 'social';

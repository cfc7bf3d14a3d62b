-- Social reports: one alert per normalised post URL, whoever sends it.
ALTER TABLE alerts ADD COLUMN source text NOT NULL DEFAULT 'camera';
CREATE UNIQUE INDEX alerts_social_post_idx ON alerts (event_id) WHERE source = 'social';
CREATE INDEX alerts_social_recent_idx ON alerts (source, ((doc->>'receivedAt')));

-- Patrol units: each change takes a seq from change_seq like an incident's; devices sign in with a key
-- stored only as its SHA-256.
CREATE TABLE units (
  id text PRIMARY KEY,
  seq bigint NOT NULL,
  call_sign text NOT NULL UNIQUE,
  key_hash text NOT NULL UNIQUE,
  doc jsonb NOT NULL
);

-- Track folding looks up the recent wrong-way tracks of one corridor carriageway on every sighting.
CREATE INDEX incidents_track_idx ON incidents ((doc->'track'->>'corridorId'), (doc->'track'->>'carriageway'), last_seen_at)
  WHERE doc->'track' IS NOT NULL;

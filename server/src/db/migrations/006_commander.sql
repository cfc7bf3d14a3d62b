-- Commanders' shift handovers, press statements and the incident history search.

-- Incidents keep their times as ISO text with an explicit zone (the contract requires one), so the
-- cast does not depend on the session's TimeZone: declaring it IMMUTABLE lets it back an index.
CREATE FUNCTION rasd_ts(t text) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT t::timestamptz $$;

-- The plate key mirrors normalisePlate (shared/src/plate.ts) without its validity check: no spaces,
-- tatweel, diacritics or separators; Western and Persian digits as Arabic-Indic; alef/ya/ta-marbuta forms folded.
CREATE FUNCTION rasd_plate_key(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT translate(regexp_replace(p, '[\u064B-\u065F\u0640[:space:]_|.-]', '', 'g'), '0123456789۰۱۲۳۴۵۶۷۸۹إآايةھ', '٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩أأأىهه') $$;

CREATE INDEX incidents_first_seen_idx ON incidents (rasd_ts(doc->>'firstSeenAt'));
CREATE INDEX incidents_plate_key_idx ON incidents (rasd_plate_key(doc->>'plate'));
CREATE INDEX incidents_corridor_idx ON incidents ((doc->>'corridorId'), rasd_ts(doc->>'firstSeenAt'));
CREATE INDEX incidents_kind_idx ON incidents ((doc->>'kind'));
-- "Which incidents did this officer touch", and "what changed during this shift".
CREATE INDEX incident_history_actor_idx ON incident_history (actor, incident_id);
CREATE INDEX incident_history_at_idx ON incident_history (at);
-- The report's audit anchor: the last entry before a shift's end.
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- One row per shift (keyed by its UTC start); the document follows server/src/domain/handover.ts.
CREATE TABLE shift_handovers (
  shift_start timestamptz PRIMARY KEY,
  shift_end timestamptz NOT NULL,
  doc jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

-- One press statement per shift; the document follows server/src/domain/press.ts.
CREATE TABLE press_statements (
  shift_start timestamptz PRIMARY KEY,
  shift_end timestamptz NOT NULL,
  doc jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

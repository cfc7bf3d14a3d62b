-- One sequence orders every stored change; clients catch up with `since`.
CREATE SEQUENCE change_seq;

CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  role text NOT NULL,
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);

CREATE TABLE incidents (
  id text PRIMARY KEY,
  seq bigint NOT NULL,
  status text NOT NULL,
  last_seen_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX incidents_seq_idx ON incidents (seq);
CREATE INDEX incidents_status_idx ON incidents (status);

CREATE TABLE alerts (
  id text PRIMARY KEY,
  seq bigint NOT NULL,
  incident_id text NOT NULL REFERENCES incidents (id),
  sender text NOT NULL,
  event_id text NOT NULL,
  body_hash text NOT NULL,
  doc jsonb NOT NULL,
  UNIQUE (sender, event_id)
);
CREATE INDEX alerts_incident_idx ON alerts (incident_id);

CREATE TABLE incident_history (
  seq bigint NOT NULL,
  incident_id text NOT NULL REFERENCES incidents (id),
  at timestamptz NOT NULL,
  type text NOT NULL,
  actor text,
  data jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX incident_history_incident_idx ON incident_history (incident_id, seq);

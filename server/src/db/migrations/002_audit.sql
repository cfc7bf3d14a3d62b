-- Append-only, hash-chained audit trail: each entry holds the hash of the one before it.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at text NOT NULL,
  actor text,
  action text NOT NULL,
  incident_id text,
  data jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_incident_idx ON audit_log (incident_id);

-- Refused in the database too, not only by the application.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

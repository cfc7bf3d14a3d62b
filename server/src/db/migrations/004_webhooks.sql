-- Outgoing webhooks follow the change log: each endpoint has a cursor (the last seq it received).
CREATE TABLE webhooks (
  id text PRIMARY KEY,
  url text NOT NULL,
  events jsonb NOT NULL,
  secret text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  cursor_seq bigint NOT NULL,
  consecutive_failures int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  webhook_id text NOT NULL REFERENCES webhooks (id),
  event text NOT NULL,
  seq bigint NOT NULL,
  attempt int NOT NULL,
  status int,
  error text,
  duration_ms int NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, at DESC);

-- Which instance runs the deliveries for now: a lease renewed by a conditional update.
CREATE TABLE leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  until timestamptz NOT NULL
);

-- Resync requests an owner answered (see the bus README, "Resync"): each once, however
-- often it is delivered.
CREATE TABLE _resync_served (
  request_id uuid PRIMARY KEY,
  requester text NOT NULL,
  events integer,
  served_at timestamptz NOT NULL DEFAULT now()
);

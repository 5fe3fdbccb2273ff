-- The bus tables every subgraph schema has, owned by the kit (applied before the
-- subgraph's own migrations). Runs with search_path set to the region's schema.

-- Events written in the same transaction as the change they describe; the relay
-- publishes them in seq order and marks them published.
CREATE TABLE _outbox (
  seq bigserial PRIMARY KEY,
  event_id uuid NOT NULL UNIQUE,
  -- the owner's subject, then any partner provinces' shared subjects
  subjects text[] NOT NULL,
  envelope jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX _outbox_unpublished_idx ON _outbox (seq) WHERE published_at IS NULL;

-- The version of each replicated aggregate: a replica only moves forward.
CREATE TABLE _replica_version (
  aggregate_type text NOT NULL,
  aggregate_id uuid NOT NULL,
  origin_region text NOT NULL,
  version integer NOT NULL,
  event_id uuid NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (aggregate_type, aggregate_id)
);

-- Each durable consumer's position, stored in the same transaction as what it applied.
CREATE TABLE _consumer_position (
  consumer text PRIMARY KEY,
  stream_seq bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Events a consumer could not validate or apply, with the reason; never applied.
CREATE TABLE _dead_letter (
  id bigserial PRIMARY KEY,
  consumer text NOT NULL,
  subject text NOT NULL,
  stream_seq bigint NOT NULL,
  reason text NOT NULL,
  data text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

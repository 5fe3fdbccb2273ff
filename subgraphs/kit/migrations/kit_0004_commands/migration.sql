-- Commands to records other nodes own (see the kit README, "Commands to owners").

-- At the caller: each command sent, written with its outbox row in one transaction, and
-- what its owner answered. `caller` is the identity the owner authorises.
CREATE TABLE _command (
  id uuid PRIMARY KEY,
  type text NOT NULL,
  owner_region text NOT NULL,
  subject text NOT NULL,
  payload jsonb NOT NULL,
  caller jsonb NOT NULL,
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPLIED', 'REJECTED')),
  result jsonb,
  error jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz
);

-- At the owner: each command answered, in the transaction that applied it (or recorded
-- its rejection), so a redelivered command is answered again and never applied twice.
CREATE TABLE _command_applied (
  id uuid PRIMARY KEY,
  caller_node text NOT NULL,
  -- the answer sent (events/commands/result.schema.json)
  result jsonb NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

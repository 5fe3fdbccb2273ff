-- A row's JetStream message id when it is not the event id: a snapshot published again
-- for a resync must not be taken for a duplicate of its first publication.
ALTER TABLE _outbox ADD COLUMN msg_id text;

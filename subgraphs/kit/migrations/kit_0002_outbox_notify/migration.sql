-- Wakes the outbox relay as soon as a transaction that wrote events commits, instead of
-- at its next poll. One notification per statement; PostgreSQL folds identical ones
-- within a transaction, and delivers them only on commit.
CREATE FUNCTION _outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('huishang_outbox', TG_TABLE_SCHEMA);
  RETURN NULL;
END
$$;

CREATE TRIGGER _outbox_notify AFTER INSERT ON _outbox
  FOR EACH STATEMENT EXECUTE FUNCTION _outbox_notify();

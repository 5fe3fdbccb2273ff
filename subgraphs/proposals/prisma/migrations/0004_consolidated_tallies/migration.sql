-- Consolidated figures at a city or province without counting a million rows a request:
-- tallies kept by statement-level triggers in the same transaction as every write of a
-- proposal or an evaluation, whether the owner's own or the replica apply path's. Each
-- trigger folds the statement's rows into one delta per key and applies it in key order,
-- so a batch of writes touches each tally row once and concurrent writers lock alike.

-- counts per owner region × term × status × category × cross-term outcome, with the
-- handling time (assignment to reply) of those replied
CREATE TABLE proposal_tally (
  id bigserial PRIMARY KEY,
  region text NOT NULL,
  term integer NOT NULL,
  status "ProposalStatus" NOT NULL,
  category "ProposalCategory" NOT NULL,
  cross_term_outcome "CrossTermOutcome",
  count integer NOT NULL,
  handled_count integer NOT NULL,
  handled_ms bigint NOT NULL,
  CONSTRAINT proposal_tally_key UNIQUE NULLS NOT DISTINCT
    (region, term, status, category, cross_term_outcome)
);

-- emptied rows go at once: a partial index finds them without reading the rest
CREATE INDEX proposal_tally_empty_idx ON proposal_tally (id) WHERE count = 0;

-- proposals under handling by deadline and yellow-from day: colours are for the day read
CREATE TABLE proposal_deadline_tally (
  id bigserial PRIMARY KEY,
  region text NOT NULL,
  status "ProposalStatus" NOT NULL,
  deadline date NOT NULL,
  yellow_from date,
  count integer NOT NULL,
  CONSTRAINT proposal_deadline_tally_key UNIQUE NULLS NOT DISTINCT
    (region, status, deadline, yellow_from)
);

CREATE INDEX proposal_deadline_tally_empty_idx ON proposal_deadline_tally (id) WHERE count = 0;

-- the proposers' ratings, by the region of the proposal rated
CREATE TABLE proposal_rating_tally (
  region text NOT NULL,
  rating "Satisfaction" NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (region, rating)
);
CREATE INDEX proposal_rating_tally_empty_idx ON proposal_rating_tally (region) WHERE count = 0;

CREATE FUNCTION proposal_tally_delta(added proposal[], removed proposal[]) RETURNS void
LANGUAGE sql AS $$
  WITH rows AS (
    SELECT r.*, 1 AS sign FROM unnest(added) r
    UNION ALL
    SELECT r.*, -1 FROM unnest(removed) r
  ), delta AS (
    SELECT region, term, status, category, cross_term_outcome, sum(sign)::int AS count,
           sum(sign) FILTER (WHERE assigned_at IS NOT NULL AND replied_at IS NOT NULL)::int AS handled_count,
           coalesce(sum(sign * round(extract(epoch FROM replied_at - assigned_at) * 1000)::bigint)
             FILTER (WHERE assigned_at IS NOT NULL AND replied_at IS NOT NULL), 0)::bigint AS handled_ms
      FROM rows GROUP BY region, term, status, category, cross_term_outcome
  )
    INSERT INTO proposal_tally AS t (region, term, status, category, cross_term_outcome, count,
                                     handled_count, handled_ms)
      SELECT region, term, status, category, cross_term_outcome, count,
             coalesce(handled_count, 0), handled_ms
        FROM delta WHERE count <> 0 OR coalesce(handled_count, 0) <> 0 OR handled_ms <> 0
       ORDER BY region, term, status, category, cross_term_outcome
    ON CONFLICT ON CONSTRAINT proposal_tally_key DO UPDATE
      SET count = t.count + EXCLUDED.count,
          handled_count = t.handled_count + EXCLUDED.handled_count,
          handled_ms = t.handled_ms + EXCLUDED.handled_ms;
  DELETE FROM proposal_tally WHERE count = 0;

  WITH rows AS (
    SELECT r.*, 1 AS sign FROM unnest(added) r
    UNION ALL
    SELECT r.*, -1 FROM unnest(removed) r
  ), delta AS (
    SELECT region, status, deadline, yellow_from, sum(sign)::int AS count
      FROM rows WHERE deadline IS NOT NULL AND status IN ('ASSIGNED', 'SECOND_ROUND')
     GROUP BY region, status, deadline, yellow_from HAVING sum(sign) <> 0
  )
    INSERT INTO proposal_deadline_tally AS t (region, status, deadline, yellow_from, count)
      SELECT * FROM delta ORDER BY region, status, deadline, yellow_from
    ON CONFLICT ON CONSTRAINT proposal_deadline_tally_key DO UPDATE SET count = t.count + EXCLUDED.count;
  DELETE FROM proposal_deadline_tally WHERE count = 0;
$$;

CREATE FUNCTION proposal_tally_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM proposal_tally_delta((SELECT coalesce(array_agg(ROW(n.*)::proposal), '{}') FROM new_rows n), '{}');
  RETURN NULL;
END $$;
CREATE FUNCTION proposal_tally_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM proposal_tally_delta((SELECT coalesce(array_agg(ROW(n.*)::proposal), '{}') FROM new_rows n),
                               (SELECT coalesce(array_agg(ROW(o.*)::proposal), '{}') FROM old_rows o));
  RETURN NULL;
END $$;
CREATE FUNCTION proposal_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM proposal_tally_delta('{}', (SELECT coalesce(array_agg(ROW(o.*)::proposal), '{}') FROM old_rows o));
  RETURN NULL;
END $$;
CREATE TRIGGER proposal_tally_insert AFTER INSERT ON proposal
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION proposal_tally_inserted();
CREATE TRIGGER proposal_tally_update AFTER UPDATE ON proposal
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION proposal_tally_updated();
CREATE TRIGGER proposal_tally_delete AFTER DELETE ON proposal
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION proposal_tally_deleted();

-- ratings: an evaluation's region is its proposal's; when the proposal itself goes, its
-- ratings are taken off before it (the cascade then finds no proposal to count them under)
CREATE FUNCTION proposal_rating_delta(added proposal_evaluation[], removed proposal_evaluation[])
RETURNS void LANGUAGE sql AS $$
  WITH rows AS (
    SELECT e.proposal_id, e.by, e.rating, 1 AS sign FROM unnest(added) e
    UNION ALL
    SELECT e.proposal_id, e.by, e.rating, -1 FROM unnest(removed) e
  ), delta AS (
    SELECT p.region, r.rating, sum(r.sign)::int AS count
      FROM rows r JOIN proposal p ON p.id = r.proposal_id
     WHERE r.by = 'PROPOSER'
     GROUP BY p.region, r.rating HAVING sum(r.sign) <> 0
  )
  INSERT INTO proposal_rating_tally AS t SELECT * FROM delta ORDER BY region, rating
  ON CONFLICT (region, rating) DO UPDATE SET count = t.count + EXCLUDED.count;
  DELETE FROM proposal_rating_tally WHERE count = 0;
$$;
CREATE FUNCTION proposal_rating_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM proposal_rating_delta((SELECT coalesce(array_agg(ROW(n.*)::proposal_evaluation), '{}') FROM new_rows n), '{}');
  RETURN NULL;
END $$;
CREATE FUNCTION proposal_rating_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM proposal_rating_delta((SELECT coalesce(array_agg(ROW(n.*)::proposal_evaluation), '{}') FROM new_rows n),
                                (SELECT coalesce(array_agg(ROW(o.*)::proposal_evaluation), '{}') FROM old_rows o));
  RETURN NULL;
END $$;
CREATE FUNCTION proposal_rating_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM proposal_rating_delta('{}', (SELECT coalesce(array_agg(ROW(o.*)::proposal_evaluation), '{}') FROM old_rows o));
  RETURN NULL;
END $$;
CREATE FUNCTION proposal_rating_proposal_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM proposal_rating_delta('{}',
    (SELECT coalesce(array_agg(e), '{}') FROM proposal_evaluation e WHERE e.proposal_id = OLD.id));
  RETURN OLD;
END $$;
CREATE TRIGGER proposal_rating_insert AFTER INSERT ON proposal_evaluation
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION proposal_rating_inserted();
CREATE TRIGGER proposal_rating_update AFTER UPDATE ON proposal_evaluation
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION proposal_rating_updated();
CREATE TRIGGER proposal_rating_delete AFTER DELETE ON proposal_evaluation
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION proposal_rating_deleted();
CREATE TRIGGER proposal_rating_proposal_delete BEFORE DELETE ON proposal
  FOR EACH ROW EXECUTE FUNCTION proposal_rating_proposal_deleted();

-- triggers run with their caller's search_path: the functions keep this region's schema
DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'proposal_tally_delta(proposal[], proposal[])', 'proposal_tally_inserted()',
    'proposal_tally_updated()', 'proposal_tally_deleted()',
    'proposal_rating_delta(proposal_evaluation[], proposal_evaluation[])',
    'proposal_rating_inserted()', 'proposal_rating_updated()', 'proposal_rating_deleted()',
    'proposal_rating_proposal_deleted()'] LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = %I', f, current_schema());
  END LOOP;
END $$;

-- what is already there
SELECT proposal_tally_delta((SELECT coalesce(array_agg(p), '{}') FROM proposal p), '{}');
SELECT proposal_rating_delta((SELECT coalesce(array_agg(e), '{}') FROM proposal_evaluation e), '{}');

-- a filtered search page: the text index's matches intersected with status and term
CREATE INDEX proposal_status_term_idx ON proposal (status, term);

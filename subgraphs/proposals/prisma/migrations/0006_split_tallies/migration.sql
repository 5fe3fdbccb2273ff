-- proposalStatistics at a province of a million proposals read the tally of 0004 whole:
-- region × term × status × category × outcome is some 23,000 rows there, aggregated four
-- ways a request (about 20 ms of PostgreSQL on this machine). The figures never cross
-- these dimensions, so each gets a tally of its own: about a hundred rows a region. And
-- the triggers hand on only what the tallies count (below).

-- counts per owner region × status, with the handling time of those replied
CREATE TABLE proposal_status_tally (
  region text NOT NULL,
  status "ProposalStatus" NOT NULL,
  count integer NOT NULL,
  -- of them, assigned and replied: the figures of the average handling time
  handled_count integer NOT NULL,
  handled_ms bigint NOT NULL,
  PRIMARY KEY (region, status)
);
CREATE INDEX proposal_status_tally_empty_idx ON proposal_status_tally (region) WHERE count = 0;

CREATE TABLE proposal_category_tally (
  region text NOT NULL,
  category "ProposalCategory" NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (region, category)
);
CREATE INDEX proposal_category_tally_empty_idx ON proposal_category_tally (region) WHERE count = 0;

-- 跨届梳理 outcomes of proposals sorted at a later term
CREATE TABLE proposal_outcome_tally (
  region text NOT NULL,
  outcome "CrossTermOutcome" NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (region, outcome)
);
CREATE INDEX proposal_outcome_tally_empty_idx ON proposal_outcome_tally (region) WHERE count = 0;

-- What a changed row counts for in the tallies: its columns that any tally reads, +1 for a
-- row written and -1 for a row replaced or deleted. The triggers hand these on, not whole
-- proposals: 0004 passed the statement's rows, bodies and search text included, as arrays
-- of proposals, which cost more than the insert of a batch of replicas itself.
CREATE TYPE proposal_tally_change AS (
  region text,
  status "ProposalStatus",
  category "ProposalCategory",
  outcome "CrossTermOutcome",
  deadline date,
  yellow_from date,
  -- assignment to reply, for those replied
  handled_ms bigint,
  sign integer
);

CREATE FUNCTION proposal_tally_change(p proposal, sign integer) RETURNS proposal_tally_change
LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(p.region, p.status, p.category, p.cross_term_outcome, p.deadline, p.yellow_from,
             CASE WHEN p.assigned_at IS NOT NULL AND p.replied_at IS NOT NULL
                  THEN round(extract(epoch FROM p.replied_at - p.assigned_at) * 1000)::bigint END,
             sign)::proposal_tally_change
$$;

-- each tally is written in key order, as in 0004, so concurrent writers lock alike
CREATE FUNCTION proposal_tally_apply(changes proposal_tally_change[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO proposal_status_tally AS t (region, status, count, handled_count, handled_ms)
    SELECT region, status, sum(sign)::int,
           coalesce(sum(sign) FILTER (WHERE handled_ms IS NOT NULL), 0)::int,
           coalesce(sum(sign * handled_ms), 0)::bigint
      FROM unnest(changes) GROUP BY region, status
    HAVING sum(sign) <> 0 OR coalesce(sum(sign * handled_ms), 0) <> 0
        OR coalesce(sum(sign) FILTER (WHERE handled_ms IS NOT NULL), 0) <> 0
     ORDER BY region, status
  ON CONFLICT (region, status) DO UPDATE
    SET count = t.count + EXCLUDED.count,
        handled_count = t.handled_count + EXCLUDED.handled_count,
        handled_ms = t.handled_ms + EXCLUDED.handled_ms;
  DELETE FROM proposal_status_tally WHERE count = 0;

  INSERT INTO proposal_category_tally AS t (region, category, count)
    SELECT region, category, sum(sign)::int FROM unnest(changes)
     GROUP BY region, category HAVING sum(sign) <> 0 ORDER BY region, category
  ON CONFLICT (region, category) DO UPDATE SET count = t.count + EXCLUDED.count;
  DELETE FROM proposal_category_tally WHERE count = 0;

  INSERT INTO proposal_outcome_tally AS t (region, outcome, count)
    SELECT region, outcome, sum(sign)::int FROM unnest(changes) WHERE outcome IS NOT NULL
     GROUP BY region, outcome HAVING sum(sign) <> 0 ORDER BY region, outcome
  ON CONFLICT (region, outcome) DO UPDATE SET count = t.count + EXCLUDED.count;
  DELETE FROM proposal_outcome_tally WHERE count = 0;

  INSERT INTO proposal_deadline_tally AS t (region, status, deadline, yellow_from, count)
    SELECT region, status, deadline, yellow_from, sum(sign)::int FROM unnest(changes)
     WHERE deadline IS NOT NULL AND status IN ('ASSIGNED', 'SECOND_ROUND')
     GROUP BY region, status, deadline, yellow_from HAVING sum(sign) <> 0
     ORDER BY region, status, deadline, yellow_from
  ON CONFLICT ON CONSTRAINT proposal_deadline_tally_key DO UPDATE SET count = t.count + EXCLUDED.count;
  DELETE FROM proposal_deadline_tally WHERE count = 0;
$$;

CREATE OR REPLACE FUNCTION proposal_tally_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM proposal_tally_apply(ARRAY(SELECT proposal_tally_change(n, 1) FROM new_rows n));
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION proposal_tally_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM proposal_tally_apply(ARRAY(
    SELECT proposal_tally_change(n, 1) FROM new_rows n
    UNION ALL
    SELECT proposal_tally_change(o, -1) FROM old_rows o));
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION proposal_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM proposal_tally_apply(ARRAY(SELECT proposal_tally_change(o, -1) FROM old_rows o));
  RETURN NULL;
END $$;
DROP FUNCTION proposal_tally_delta(proposal[], proposal[]);

-- triggers run with their caller's search_path (CREATE OR REPLACE drops 0004's setting)
DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'proposal_tally_change(proposal, integer)', 'proposal_tally_apply(proposal_tally_change[])',
    'proposal_tally_inserted()', 'proposal_tally_updated()', 'proposal_tally_deleted()'] LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = %I', f, current_schema());
  END LOOP;
END $$;

-- what is already there
INSERT INTO proposal_status_tally (region, status, count, handled_count, handled_ms)
  SELECT region, status, sum(count)::int, sum(handled_count)::int, sum(handled_ms)::bigint
    FROM proposal_tally GROUP BY region, status HAVING sum(count) <> 0;
INSERT INTO proposal_category_tally (region, category, count)
  SELECT region, category, sum(count)::int FROM proposal_tally
   GROUP BY region, category HAVING sum(count) <> 0;
INSERT INTO proposal_outcome_tally (region, outcome, count)
  SELECT region, cross_term_outcome, sum(count)::int FROM proposal_tally
   WHERE cross_term_outcome IS NOT NULL GROUP BY region, cross_term_outcome HAVING sum(count) <> 0;

DROP TABLE proposal_tally;

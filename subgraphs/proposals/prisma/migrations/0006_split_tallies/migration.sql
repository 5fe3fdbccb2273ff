-- proposalStatistics at a province of a million proposals read the tally of 0004 whole:
-- region × term × status × category × outcome is some 23,000 rows there, aggregated four
-- ways a request (about 20 ms of PostgreSQL on this machine). The figures never cross
-- these dimensions, so each gets a tally of its own: about a hundred rows a region.

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

-- the same triggers call it; each tally is written in key order, as in 0004
CREATE OR REPLACE FUNCTION proposal_tally_delta(added proposal[], removed proposal[]) RETURNS void
LANGUAGE sql AS $$
  WITH rows AS (
    SELECT r.*, 1 AS sign FROM unnest(added) r
    UNION ALL
    SELECT r.*, -1 FROM unnest(removed) r
  ), delta AS (
    SELECT region, status, sum(sign)::int AS count,
           coalesce(sum(sign) FILTER (WHERE assigned_at IS NOT NULL AND replied_at IS NOT NULL), 0)::int AS handled_count,
           coalesce(sum(sign * round(extract(epoch FROM replied_at - assigned_at) * 1000)::bigint)
             FILTER (WHERE assigned_at IS NOT NULL AND replied_at IS NOT NULL), 0)::bigint AS handled_ms
      FROM rows GROUP BY region, status
  )
    INSERT INTO proposal_status_tally AS t (region, status, count, handled_count, handled_ms)
      SELECT * FROM delta WHERE count <> 0 OR handled_count <> 0 OR handled_ms <> 0
       ORDER BY region, status
    ON CONFLICT (region, status) DO UPDATE
      SET count = t.count + EXCLUDED.count,
          handled_count = t.handled_count + EXCLUDED.handled_count,
          handled_ms = t.handled_ms + EXCLUDED.handled_ms;
  DELETE FROM proposal_status_tally WHERE count = 0;

  WITH rows AS (
    SELECT r.region, r.category, 1 AS sign FROM unnest(added) r
    UNION ALL
    SELECT r.region, r.category, -1 FROM unnest(removed) r
  )
    INSERT INTO proposal_category_tally AS t (region, category, count)
      SELECT region, category, sum(sign)::int FROM rows
       GROUP BY region, category HAVING sum(sign) <> 0 ORDER BY region, category
    ON CONFLICT (region, category) DO UPDATE SET count = t.count + EXCLUDED.count;
  DELETE FROM proposal_category_tally WHERE count = 0;

  WITH rows AS (
    SELECT r.region, r.cross_term_outcome, 1 AS sign FROM unnest(added) r
    UNION ALL
    SELECT r.region, r.cross_term_outcome, -1 FROM unnest(removed) r
  )
    INSERT INTO proposal_outcome_tally AS t (region, outcome, count)
      SELECT region, cross_term_outcome, sum(sign)::int FROM rows
       WHERE cross_term_outcome IS NOT NULL
       GROUP BY region, cross_term_outcome HAVING sum(sign) <> 0
       ORDER BY region, cross_term_outcome
    ON CONFLICT (region, outcome) DO UPDATE SET count = t.count + EXCLUDED.count;
  DELETE FROM proposal_outcome_tally WHERE count = 0;

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
-- CREATE OR REPLACE drops the function's settings: it keeps this region's schema again
DO $$ BEGIN
  EXECUTE format('ALTER FUNCTION proposal_tally_delta(proposal[], proposal[]) SET search_path = %I',
                 current_schema());
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

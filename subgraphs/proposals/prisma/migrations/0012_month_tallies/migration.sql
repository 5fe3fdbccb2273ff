-- A period's statistics at a province of a million proposals were counted from the
-- proposals themselves: a year there is a third of a million rows grouped (0.75 s with the
-- covering index of 0010), once for the province and once for each city on one dashboard.
-- These tallies keep the same figures per month of submission (in Beijing) and term, so a
-- period's whole months are read from them; only the days of a partial month at either
-- end are counted from the rows (data/statistics.ts). Kept by the triggers of 0006.

-- per owner region × term × month submitted × what 0006's tallies count; the deadline and
-- yellow_from only under handling (the colours'), so the others fold into few rows
CREATE TABLE proposal_month_tally (
  id bigserial PRIMARY KEY,
  region text NOT NULL,
  term integer NOT NULL,
  month date NOT NULL,
  status "ProposalStatus" NOT NULL,
  category "ProposalCategory" NOT NULL,
  outcome "CrossTermOutcome",
  deadline date,
  yellow_from date,
  count integer NOT NULL,
  handled_count integer NOT NULL,
  handled_ms bigint NOT NULL,
  CONSTRAINT proposal_month_tally_key UNIQUE NULLS NOT DISTINCT
    (region, term, month, status, category, outcome, deadline, yellow_from)
);

CREATE INDEX proposal_month_tally_empty_idx ON proposal_month_tally (region) WHERE count = 0;

-- the proposers' ratings by the rated proposal's region, term and month submitted
CREATE TABLE proposal_month_rating_tally (
  region text NOT NULL,
  term integer NOT NULL,
  month date NOT NULL,
  rating "Satisfaction" NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (region, term, month, rating)
);
CREATE INDEX proposal_month_rating_tally_empty_idx ON proposal_month_rating_tally (region)
  WHERE count = 0;

-- a moment's month in Beijing, as the periods count days there (UTC+8, kit/src/period.ts)
CREATE FUNCTION proposal_month(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT date_trunc('month', (at AT TIME ZONE 'UTC') + interval '8 hours')::date
$$;

ALTER TYPE proposal_tally_change ADD ATTRIBUTE term integer, ADD ATTRIBUTE month date;

CREATE OR REPLACE FUNCTION proposal_tally_change(p proposal, sign integer) RETURNS proposal_tally_change
LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(p.region, p.status, p.category, p.cross_term_outcome, p.deadline, p.yellow_from,
             CASE WHEN p.assigned_at IS NOT NULL AND p.replied_at IS NOT NULL
                  THEN round(extract(epoch FROM p.replied_at - p.assigned_at) * 1000)::bigint END,
             sign, p.term, proposal_month(p.submitted_at))::proposal_tally_change
$$;

CREATE FUNCTION proposal_month_tally_apply(changes proposal_tally_change[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO proposal_month_tally AS t (region, term, month, status, category, outcome,
      deadline, yellow_from, count, handled_count, handled_ms)
    SELECT region, term, month, status, category, outcome, h.deadline, h.yellow_from,
           sum(sign)::int,
           coalesce(sum(sign) FILTER (WHERE handled_ms IS NOT NULL), 0)::int,
           coalesce(sum(sign * handled_ms), 0)::bigint
      FROM unnest(changes) c,
           LATERAL (SELECT CASE WHEN c.status IN ('ASSIGNED', 'SECOND_ROUND') THEN c.deadline END
                             AS deadline,
                           CASE WHEN c.status IN ('ASSIGNED', 'SECOND_ROUND') THEN c.yellow_from END
                             AS yellow_from) h
     GROUP BY region, term, month, status, category, outcome, h.deadline, h.yellow_from
    HAVING sum(sign) <> 0 OR coalesce(sum(sign * handled_ms), 0) <> 0
        OR coalesce(sum(sign) FILTER (WHERE handled_ms IS NOT NULL), 0) <> 0
     ORDER BY region, term, month, status, category, outcome, h.deadline, h.yellow_from
  ON CONFLICT ON CONSTRAINT proposal_month_tally_key DO UPDATE
    SET count = t.count + EXCLUDED.count,
        handled_count = t.handled_count + EXCLUDED.handled_count,
        handled_ms = t.handled_ms + EXCLUDED.handled_ms;
  DELETE FROM proposal_month_tally WHERE count = 0;
$$;

-- 0006's tallies, then the months'
CREATE OR REPLACE FUNCTION proposal_tally_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changes proposal_tally_change[] := ARRAY(SELECT proposal_tally_change(n, 1) FROM new_rows n);
BEGIN
  PERFORM proposal_tally_apply(changes);
  PERFORM proposal_month_tally_apply(changes);
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION proposal_tally_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changes proposal_tally_change[] := ARRAY(
    SELECT proposal_tally_change(n, 1) FROM new_rows n
    UNION ALL
    SELECT proposal_tally_change(o, -1) FROM old_rows o);
BEGIN
  PERFORM proposal_tally_apply(changes);
  PERFORM proposal_month_tally_apply(changes);
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION proposal_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changes proposal_tally_change[] := ARRAY(SELECT proposal_tally_change(o, -1) FROM old_rows o);
BEGIN
  PERFORM proposal_tally_apply(changes);
  PERFORM proposal_month_tally_apply(changes);
  RETURN NULL;
END $$;

-- ratings as 0004 counts them, and by month; a proposal's term and submission never change
CREATE OR REPLACE FUNCTION proposal_rating_delta(added proposal_evaluation[], removed proposal_evaluation[])
RETURNS void LANGUAGE sql AS $$
  WITH rows AS (
    SELECT e.proposal_id, e.by, e.rating, 1 AS sign FROM unnest(added) e
    UNION ALL
    SELECT e.proposal_id, e.by, e.rating, -1 FROM unnest(removed) e
  ), rated AS (
    SELECT p.region, p.term, proposal_month(p.submitted_at) AS month, r.rating, r.sign
      FROM rows r JOIN proposal p ON p.id = r.proposal_id
     WHERE r.by = 'PROPOSER'
  ), delta AS (
    SELECT region, rating, sum(sign)::int AS count FROM rated
     GROUP BY region, rating HAVING sum(sign) <> 0
  ), by_month AS (
    INSERT INTO proposal_month_rating_tally AS t
      SELECT region, term, month, rating, sum(sign)::int FROM rated
       GROUP BY region, term, month, rating HAVING sum(sign) <> 0
       ORDER BY region, term, month, rating
    ON CONFLICT (region, term, month, rating) DO UPDATE SET count = t.count + EXCLUDED.count
  )
  INSERT INTO proposal_rating_tally AS t SELECT * FROM delta ORDER BY region, rating
  ON CONFLICT (region, rating) DO UPDATE SET count = t.count + EXCLUDED.count;
  DELETE FROM proposal_rating_tally WHERE count = 0;
  DELETE FROM proposal_month_rating_tally WHERE count = 0;
$$;

-- triggers run with their caller's search_path (CREATE OR REPLACE drops the setting)
DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'proposal_tally_change(proposal, integer)',
    'proposal_month_tally_apply(proposal_tally_change[])',
    'proposal_tally_inserted()', 'proposal_tally_updated()', 'proposal_tally_deleted()',
    'proposal_rating_delta(proposal_evaluation[], proposal_evaluation[])'] LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = %I', f, current_schema());
  END LOOP;
END $$;

-- what is already there
SELECT proposal_month_tally_apply(ARRAY(SELECT proposal_tally_change(p, 1) FROM proposal p));
INSERT INTO proposal_month_rating_tally (region, term, month, rating, count)
  SELECT p.region, p.term, proposal_month(p.submitted_at), e.rating, count(*)::int
    FROM proposal_evaluation e JOIN proposal p ON p.id = e.proposal_id
   WHERE e.by = 'PROPOSER' GROUP BY 1, 2, 3, 4;

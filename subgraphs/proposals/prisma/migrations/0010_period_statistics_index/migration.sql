-- A period's statistics (data/statistics.ts `periodStatement`) at a province's million
-- proposals: they were counted from the heap, whose rows are wide (body, search tokens),
-- so a year at the province read every page of the table, and each of its cities again.
-- This index holds every column the statement reads, so it is answered from the index
-- alone, a subtree's rows one range of it: COLLATE "C" lets `starts_with(region, …)`
-- bound the scan (a region code is ASCII digits, so the order is the same), which the
-- database's default collation does not.
CREATE INDEX proposal_period_idx ON proposal (region COLLATE "C", submitted_at)
  INCLUDE (term, status, category, cross_term_outcome, deadline, yellow_from, assigned_at,
           replied_at, id);

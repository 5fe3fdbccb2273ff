-- A filtered search page at a million proposals. The planner cannot tell how many rows a
-- query of overlapping character pairs matches (养老 & 老服 & 服务 are all but always
-- together, so it multiplies their shares into a few hundred where there are tens of
-- thousands), so it never intersected the text index with proposal (status, term): it read
-- every text hit from the heap to filter it. One GIN index over the filter columns and the
-- text gives the filtered hits from the index alone, whatever the estimate.
-- btree_gin (PostgreSQL's contrib, a trusted extension) gives GIN its btree operator classes
-- for enums and integers; it is one per database, so the schemas migrating at once take
-- turns creating it.
SELECT pg_advisory_xact_lock(hashtext('huishang.btree_gin'));
CREATE EXTENSION IF NOT EXISTS btree_gin SCHEMA public;
CREATE INDEX proposal_search_filter_idx ON proposal USING gin (status, term, search_text);
-- it serves a text-only search too, so the text index and the (status, term) one go
DROP INDEX proposal_search_text_idx;
DROP INDEX proposal_status_term_idx;

-- the ranking reads search_text of every filtered hit: kept in the row (it hardly
-- compresses) rather than in TOAST, it is one page read a hit instead of an index descent
-- and two chunks
ALTER TABLE proposal ALTER COLUMN search_text SET STORAGE MAIN;

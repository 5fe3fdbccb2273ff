-- Cross-term sorting and votes, publication and public comments, full-text search.
CREATE TYPE "CrossTermOutcome" AS ENUM ('DONE', 'HARD_FOR_NOW', 'CONTINUE', 'START');
CREATE TYPE "CommentStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

ALTER TABLE proposal
  ADD COLUMN cross_term_outcome "CrossTermOutcome",
  ADD COLUMN cross_term_sorted_in integer,
  ADD COLUMN published_at timestamptz,
  -- tokens built in app code (src/domain/search-text.ts): CJK pairs, single characters and
  -- words, so Chinese is searchable without an extension; head = title and keywords
  ADD COLUMN search_head text,
  ADD COLUMN search_body text,
  ADD COLUMN search_text tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(search_head, '')), 'A')
      || to_tsvector('simple', coalesce(search_body, ''))
  ) STORED;
CREATE INDEX proposal_search_text_idx ON proposal USING gin (search_text);
CREATE INDEX proposal_cross_term_idx ON proposal (region, term, cross_term_outcome);
CREATE INDEX proposal_published_idx ON proposal (region, id) WHERE published_at IS NOT NULL;

CREATE TABLE cross_term_vote (
  proposal_id uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  term integer NOT NULL,
  satisfied integer NOT NULL CHECK (satisfied >= 0),
  basic integer NOT NULL CHECK (basic >= 0),
  unsatisfied integer NOT NULL CHECK (unsatisfied >= 0),
  passed boolean NOT NULL,
  voted_at timestamptz NOT NULL,
  PRIMARY KEY (proposal_id, seq)
);

CREATE TABLE proposal_comment (
  id uuid PRIMARY KEY,
  proposal_id uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  region text NOT NULL,
  body text NOT NULL,
  author_name text,
  status "CommentStatus" NOT NULL DEFAULT 'PENDING',
  reason text,
  moderated_by text,
  moderated_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX proposal_comment_region_status_id_idx ON proposal_comment (region, status, id);
CREATE INDEX proposal_comment_proposal_id_idx ON proposal_comment (proposal_id, status);

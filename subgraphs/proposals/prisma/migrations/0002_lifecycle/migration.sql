-- The full proposal lifecycle: review steps, key proposal leaders, reminders and
-- escalations, per-unit items, a second round of handling, and each committee's rules.
CREATE TYPE "ReviewStep" AS ENUM ('SIGN_IN', 'PRE_REVIEW', 'FINAL_REVIEW');
CREATE TYPE "ReviewDecision" AS ENUM ('PASSED', 'REGISTERED', 'DECLINED', 'CONVERTED');
CREATE TYPE "UrgeKind" AS ENUM ('REMIND', 'ESCALATE');

ALTER TABLE proposal
  ADD COLUMN round integer NOT NULL DEFAULT 1 CHECK (round IN (1, 2)),
  ADD COLUMN yellow_from date;
-- the colour query reads proposals under handling by the day they turn yellow
CREATE INDEX proposal_handling_yellow_from_idx ON proposal (region, yellow_from)
  WHERE status IN ('ASSIGNED', 'SECOND_ROUND');

ALTER TABLE handling_unit ADD COLUMN suggestion_seqs integer[] NOT NULL DEFAULT '{}';

-- a unit answers an item once per round
ALTER TABLE item_reply ADD COLUMN round integer NOT NULL DEFAULT 1;
ALTER TABLE item_reply DROP CONSTRAINT item_reply_pkey;
ALTER TABLE item_reply ADD PRIMARY KEY (proposal_id, suggestion_seq, unit, round);

-- the proposer rates each round once; the unit rates the proposal once
ALTER TABLE proposal_evaluation
  ADD COLUMN round integer NOT NULL DEFAULT 1,
  ADD COLUMN evaluator text NOT NULL DEFAULT '';
ALTER TABLE proposal_evaluation ALTER COLUMN evaluator DROP DEFAULT;
ALTER TABLE proposal_evaluation DROP CONSTRAINT proposal_evaluation_pkey;
ALTER TABLE proposal_evaluation ADD PRIMARY KEY (proposal_id, by, round);

CREATE TABLE proposal_review (
  proposal_id uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  step "ReviewStep" NOT NULL,
  decision "ReviewDecision" NOT NULL,
  reviewer text NOT NULL,
  reason text,
  reviewed_at timestamptz NOT NULL,
  PRIMARY KEY (proposal_id, seq)
);

CREATE TABLE key_proposal_leader (
  proposal_id uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  name text NOT NULL,
  post text NOT NULL,
  PRIMARY KEY (proposal_id, seq)
);

CREATE TABLE handling_urge (
  proposal_id uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  kind "UrgeKind" NOT NULL,
  by text NOT NULL,
  note text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (proposal_id, seq)
);

-- 回头看: one follow-up closes one item left unadopted
CREATE TABLE follow_up (
  proposal_id uuid NOT NULL,
  suggestion_seq integer NOT NULL,
  by text NOT NULL,
  note text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (proposal_id, suggestion_seq),
  FOREIGN KEY (proposal_id, suggestion_seq) REFERENCES proposal_suggestion (proposal_id, seq) ON DELETE CASCADE
);

CREATE TABLE proposal_rules (
  region text PRIMARY KEY,
  min_body_length integer NOT NULL,
  min_suggestions integer NOT NULL,
  keywords_required boolean NOT NULL,
  yellow_within_days integer NOT NULL,
  second_round_days integer NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);

-- proposals assigned before committees had rules turn yellow by the default seven days
UPDATE proposal SET yellow_from = deadline - 7 WHERE deadline IS NOT NULL;

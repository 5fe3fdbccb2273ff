-- Runs with search_path set to the region's schema (proposals_<code>).
CREATE TYPE "ProposalCategory" AS ENUM ('ECONOMY', 'AGRICULTURE_RURAL', 'URBAN_RURAL_DEVELOPMENT', 'EDUCATION_SCIENCE_HEALTH', 'CULTURE_HISTORY', 'SOCIETY_LAW', 'ETHNIC_RELIGIOUS', 'GENERAL');
CREATE TYPE "ProposalStatus" AS ENUM ('SUBMITTED', 'SIGNED_IN', 'PRE_REVIEWED', 'REGISTERED', 'DECLINED', 'CONVERTED', 'ASSIGNED', 'REPLIED', 'EVALUATED', 'SECOND_ROUND', 'CLOSED');
CREATE TYPE "HandlingRole" AS ENUM ('LEAD', 'CO');
CREATE TYPE "ReplyOutcome" AS ENUM ('ADOPTED', 'PARTLY_ADOPTED', 'EXPLAINED', 'NOT_ADOPTED');
CREATE TYPE "EvaluationParty" AS ENUM ('PROPOSER', 'UNIT');
CREATE TYPE "Satisfaction" AS ENUM ('SATISFIED', 'BASIC', 'UNSATISFIED');

CREATE TABLE proposal (
  id uuid PRIMARY KEY,
  region text NOT NULL,
  number integer,
  term integer NOT NULL,
  session integer NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  keywords text[] NOT NULL DEFAULT '{}',
  category "ProposalCategory" NOT NULL,
  status "ProposalStatus" NOT NULL DEFAULT 'SUBMITTED',
  proposer_id uuid,
  co_proposer_ids uuid[] NOT NULL DEFAULT '{}',
  collective_proposer text,
  is_key boolean NOT NULL DEFAULT false,
  deadline date,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  registered_at timestamptz,
  assigned_at timestamptz,
  replied_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- 案号 are unique within a session; unregistered proposals (NULL) do not collide
  CONSTRAINT proposal_region_term_session_number_key UNIQUE (region, term, session, number),
  -- a proposal has a lead proposer or is a collective one, never both
  CONSTRAINT proposal_one_proposer CHECK ((proposer_id IS NULL) <> (collective_proposer IS NULL))
);
CREATE INDEX proposal_region_id_idx ON proposal (region, id);
CREATE INDEX proposal_proposer_id_idx ON proposal (proposer_id);
CREATE INDEX proposal_co_proposer_ids_idx ON proposal USING gin (co_proposer_ids);

CREATE TABLE proposal_counter (
  region text NOT NULL,
  term integer NOT NULL,
  session integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (region, term, session)
);

CREATE TABLE proposal_suggestion (
  proposal_id uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  text text NOT NULL,
  PRIMARY KEY (proposal_id, seq)
);

CREATE TABLE handling_unit (
  proposal_id uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  name text NOT NULL,
  role "HandlingRole" NOT NULL,
  PRIMARY KEY (proposal_id, name)
);
-- exactly one lead unit per proposal
CREATE UNIQUE INDEX handling_unit_one_lead ON handling_unit (proposal_id) WHERE role = 'LEAD';

CREATE TABLE item_reply (
  proposal_id uuid NOT NULL,
  suggestion_seq integer NOT NULL,
  unit text NOT NULL,
  outcome "ReplyOutcome" NOT NULL,
  text text NOT NULL,
  replied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (proposal_id, suggestion_seq, unit),
  FOREIGN KEY (proposal_id, suggestion_seq) REFERENCES proposal_suggestion (proposal_id, seq) ON DELETE CASCADE,
  FOREIGN KEY (proposal_id, unit) REFERENCES handling_unit (proposal_id, name) ON DELETE CASCADE
);

CREATE TABLE proposal_evaluation (
  proposal_id uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  by "EvaluationParty" NOT NULL,
  rating "Satisfaction" NOT NULL,
  comment text,
  evaluated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (proposal_id, by)
);

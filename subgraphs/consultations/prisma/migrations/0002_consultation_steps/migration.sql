-- Topics and their approval, the 6+X plan, minutes with sign-off and answer, three-party
-- evaluation, cross-level parties and a suggestion's proposal or opinion item.
CREATE TYPE "TopicStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');
CREATE TYPE "ConsultationLead" AS ENUM ('LEADERS', 'SECTORS');
CREATE TYPE "RecipientKind" AS ENUM ('PARTY_COMMITTEE', 'GOVERNMENT', 'DEPARTMENT');
CREATE TYPE "EvaluatorParty" AS ENUM ('MEMBERS', 'PUBLIC_EXPERTS', 'GOVERNMENT');
CREATE TYPE "Rating" AS ENUM ('GOOD', 'FAIR', 'POOR');

ALTER TABLE consultation
  ADD COLUMN topic_id uuid,
  ADD COLUMN lead "ConsultationLead",
  ADD COLUMN party_regions text[] NOT NULL DEFAULT '{}',
  ADD COLUMN minutes text,
  ADD COLUMN minutes_sent_at timestamptz;

ALTER TABLE participant ADD COLUMN contributed_by text;

ALTER TABLE suggestion
  ADD COLUMN contributed_by text,
  ADD COLUMN proposal_id uuid,
  ADD COLUMN opinion_item_id uuid;
CREATE INDEX suggestion_proposal_id_idx ON suggestion (proposal_id);
CREATE INDEX suggestion_opinion_item_id_idx ON suggestion (opinion_item_id);

CREATE TABLE minutes_recipient (
  id uuid PRIMARY KEY,
  consultation_id uuid NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
  name text NOT NULL,
  kind "RecipientKind" NOT NULL,
  signed_off_at timestamptz,
  answered_at timestamptz,
  answer text
);
CREATE INDEX minutes_recipient_consultation_id_idx ON minutes_recipient (consultation_id);

CREATE TABLE consultation_evaluation (
  id uuid PRIMARY KEY,
  consultation_id uuid NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
  party "EvaluatorParty" NOT NULL,
  well_made "Rating" NOT NULL,
  well_handled "Rating" NOT NULL,
  consensus "Rating" NOT NULL,
  note text
);
CREATE UNIQUE INDEX consultation_evaluation_consultation_id_party_key
  ON consultation_evaluation (consultation_id, party);

CREATE TABLE consultation_topic (
  id uuid PRIMARY KEY,
  region text NOT NULL,
  title text NOT NULL,
  description text,
  source "TopicSource" NOT NULL,
  proposed_by text,
  status "TopicStatus" NOT NULL DEFAULT 'PENDING',
  decided_by text,
  decided_at timestamptz,
  decision_note text,
  plan_year integer,
  platform "ConsultationPlatform",
  lead "ConsultationLead",
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consultation_topic_region_id_idx ON consultation_topic (region, id);

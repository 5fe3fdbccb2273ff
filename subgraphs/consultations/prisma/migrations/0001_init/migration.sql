-- Runs with search_path set to the region's schema (consultations_<code>).
CREATE TYPE "ConsultationPlatform" AS ENUM ('PLEASE_COME_AND_CONSULT', 'LIVELIHOOD_HALL', 'VILLAGE_STATION', 'SECTOR_ROUND_TABLE', 'FACE_TO_FACE', 'SPECIAL_TOPIC', 'COUNTERPART', 'SECTOR', 'PROPOSAL_HANDLING', 'ONLINE');
CREATE TYPE "TopicSource" AS ENUM ('PUBLIC', 'MEMBERS', 'LEADERS');
CREATE TYPE "ConsultationStage" AS ENUM ('TOPIC', 'PLAN', 'RESEARCH', 'CONSULT', 'REPORT', 'FEEDBACK', 'EVALUATION', 'CLOSED');
CREATE TYPE "ParticipantKind" AS ENUM ('MEMBER', 'OFFICIAL', 'EXPERT', 'PUBLIC');
CREATE TYPE "Adoption" AS ENUM ('PENDING', 'ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED');
CREATE TYPE "SupervisionSource" AS ENUM ('MEDIA', 'ADOPTED_SUGGESTION', 'PROPOSAL_REPLY', 'JOINT_SESSION');
CREATE TYPE "SupervisionStatus" AS ENUM ('DISPATCHED', 'INSPECTING', 'CONSULTING', 'LETTER_ISSUED', 'FOLLOW_UP', 'CLOSED');
CREATE TYPE "OpinionStatus" AS ENUM ('SUBMITTED', 'REVIEWED', 'DISPATCHED', 'HANDLED', 'ANSWERED', 'RATED');
CREATE TYPE "OpinionRoute" AS ENUM ('DEPARTMENT', 'CONSULTATION_TOPIC', 'UPPER_LEVEL');

CREATE TABLE consultation (
  id uuid PRIMARY KEY,
  region text NOT NULL,
  title text NOT NULL,
  description text,
  platform "ConsultationPlatform" NOT NULL,
  topic_source "TopicSource" NOT NULL,
  stage "ConsultationStage" NOT NULL DEFAULT 'TOPIC',
  venue text,
  venue_name text,
  held_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consultation_region_id_idx ON consultation (region, id);

CREATE TABLE participant (
  id uuid PRIMARY KEY,
  consultation_id uuid NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
  member_id uuid,
  name text NOT NULL,
  kind "ParticipantKind" NOT NULL,
  affiliation text,
  attended boolean NOT NULL DEFAULT true
);
CREATE INDEX participant_consultation_id_idx ON participant (consultation_id);
CREATE INDEX participant_member_id_idx ON participant (member_id);

CREATE TABLE suggestion (
  id uuid PRIMARY KEY,
  consultation_id uuid NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
  text text NOT NULL,
  proposed_by text,
  adoption "Adoption" NOT NULL DEFAULT 'PENDING'
);
CREATE INDEX suggestion_consultation_id_idx ON suggestion (consultation_id);

CREATE TABLE supervision_task (
  id uuid PRIMARY KEY,
  region text NOT NULL,
  title text NOT NULL,
  source "SupervisionSource" NOT NULL,
  committee text NOT NULL,
  status "SupervisionStatus" NOT NULL DEFAULT 'DISPATCHED',
  deadline date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_task_region_id_idx ON supervision_task (region, id);

CREATE TABLE opinion_item (
  id uuid PRIMARY KEY,
  region text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  category text NOT NULL,
  place text,
  submitter_id uuid,
  status "OpinionStatus" NOT NULL DEFAULT 'SUBMITTED',
  route "OpinionRoute",
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX opinion_item_region_id_idx ON opinion_item (region, id);

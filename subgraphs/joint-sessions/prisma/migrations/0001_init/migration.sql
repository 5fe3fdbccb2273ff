-- Runs with search_path set to the region's schema (joint_sessions_<code>).
CREATE TYPE "JointSessionKind" AS ENUM ('CROSS_PROVINCE', 'THREE_LEVEL', 'CROSS_REGION');
CREATE TYPE "JointStage" AS ENUM ('TOPIC', 'PLAN', 'RESEARCH', 'DELIBERATION', 'OUTCOMES', 'SUPERVISION', 'CLOSED');
CREATE TYPE "JointPartyRole" AS ENUM ('HOST', 'PARTNER');

CREATE TABLE joint_session (
  id uuid PRIMARY KEY,
  region text NOT NULL,
  title text NOT NULL,
  description text,
  kind "JointSessionKind" NOT NULL,
  stage "JointStage" NOT NULL DEFAULT 'TOPIC',
  consultation_id uuid,
  held_on date,
  venue_name text,
  party_regions text[] NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX joint_session_region_id_idx ON joint_session (region, id);
CREATE INDEX joint_session_party_regions_idx ON joint_session USING GIN (party_regions);

CREATE TABLE joint_party (
  joint_session_id uuid NOT NULL REFERENCES joint_session (id) ON DELETE CASCADE,
  region text NOT NULL,
  committee text NOT NULL,
  role "JointPartyRole" NOT NULL,
  PRIMARY KEY (joint_session_id, region)
);

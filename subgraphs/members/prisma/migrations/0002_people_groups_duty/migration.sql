-- People (one human, several memberships), studios and duty groups, duty records.
CREATE TABLE person (
  id uuid PRIMARY KEY,
  region text NOT NULL,
  name text NOT NULL,
  gender "Gender",
  birth_year integer,
  ethnicity text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_name_idx ON person (name);

-- Every existing member becomes a person of its own, under the member's id. The member
-- keeps a copy of its person's name and gender, written with the person, for lists and sorting.
INSERT INTO person (id, region, name, gender, created_at, updated_at)
  SELECT id, region, name, gender, created_at, updated_at FROM member;
ALTER TABLE member ADD COLUMN person_id uuid;
UPDATE member SET person_id = id;
ALTER TABLE member ALTER COLUMN person_id SET NOT NULL;
ALTER TABLE member ADD CONSTRAINT member_person_id_fkey
  FOREIGN KEY (person_id) REFERENCES person (id) ON UPDATE CASCADE ON DELETE RESTRICT;
CREATE INDEX member_person_id_idx ON member (person_id);

CREATE TYPE "MemberGroupKind" AS ENUM ('STUDIO', 'DUTY_GROUP');
CREATE TABLE member_group (
  id uuid PRIMARY KEY,
  region text NOT NULL,
  kind "MemberGroupKind" NOT NULL,
  name text NOT NULL,
  place text NOT NULL,
  online boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX member_group_region_kind_idx ON member_group (region, kind);

CREATE TABLE member_group_member (
  group_id uuid NOT NULL REFERENCES member_group (id) ON UPDATE CASCADE ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES member (id) ON UPDATE CASCADE ON DELETE CASCADE,
  PRIMARY KEY (group_id, member_id)
);
CREATE INDEX member_group_member_member_id_idx ON member_group_member (member_id);

CREATE TYPE "DutyKind" AS ENUM ('PROPOSAL_LED', 'PROPOSAL_CO_SIGNED', 'CONSULTATION_ATTENDED', 'OPINION_SUBMITTED', 'SUPERVISION_JOINED', 'SPEECH');
CREATE TABLE duty_record (
  source_type text NOT NULL,
  source_id uuid NOT NULL,
  member_id uuid NOT NULL,
  kind "DutyKind" NOT NULL,
  source_version integer NOT NULL,
  title text NOT NULL,
  occurred_on date NOT NULL,
  detail text,
  PRIMARY KEY (source_type, source_id, member_id, kind)
);
CREATE INDEX duty_record_member_id_occurred_on_idx ON duty_record (member_id, occurred_on);

CREATE TYPE "Meeting" AS ENUM ('PLENARY', 'STANDING_COMMITTEE');
CREATE TABLE speech (
  id uuid PRIMARY KEY,
  region text NOT NULL,
  member_id uuid NOT NULL,
  meeting "Meeting" NOT NULL,
  title text NOT NULL,
  spoken_on date NOT NULL,
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX speech_member_id_idx ON speech (member_id);

CREATE TABLE duty_weights (
  region text PRIMARY KEY,
  proposal_led integer NOT NULL,
  proposal_co_signed integer NOT NULL,
  consultation_attended integer NOT NULL,
  opinion_submitted integer NOT NULL,
  supervision_joined integer NOT NULL,
  speech integer NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

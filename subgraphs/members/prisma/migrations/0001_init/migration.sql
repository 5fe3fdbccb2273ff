-- Runs with search_path set to the region's schema (members_<code>).
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');
CREATE TYPE "Party" AS ENUM ('CPC', 'RCCK', 'CDL', 'CNDCA', 'CAPD', 'CPWDP', 'CZGP', 'JIUSAN', 'TDSGL', 'NON_PARTY', 'ACFIC', 'PEOPLES_ORGANISATION');
CREATE TYPE "MemberRole" AS ENUM ('MEMBER', 'STANDING_MEMBER', 'CHAIR', 'VICE_CHAIR', 'SECRETARY_GENERAL');

CREATE TABLE member (
  id uuid PRIMARY KEY,
  region text NOT NULL,
  name text NOT NULL,
  gender "Gender",
  sector text NOT NULL,
  party "Party" NOT NULL,
  term integer NOT NULL,
  roles "MemberRole"[] NOT NULL DEFAULT '{}',
  special_committees text[] NOT NULL DEFAULT '{}',
  workplace text,
  linked_villages text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX member_region_id_idx ON member (region, id);

-- A committee's directory of handling units (承办单位名录): each unit's name, kind and the
-- department it belongs to, so handlingUnitStatistics counts a department's proposals,
-- replies, adoption and satisfaction by the names assignProposal uses. `handling_unit` is
-- already a proposal's assignment to a unit by name; the directory is `handling_unit_entry`.
-- Once a committee's directory has entries, assignProposal accepts only their names.
CREATE TYPE "HandlingUnitKind" AS ENUM (
  'GOVERNMENT_DEPARTMENT', 'PARTY_DEPARTMENT', 'PEOPLES_ORGANISATION', 'ENTERPRISE', 'OTHER'
);

CREATE TABLE handling_unit_entry (
  id uuid PRIMARY KEY,
  region text NOT NULL,
  name text NOT NULL,
  kind "HandlingUnitKind" NOT NULL,
  parent_id uuid REFERENCES handling_unit_entry (id),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT handling_unit_entry_region_name_key UNIQUE (region, name)
);
CREATE INDEX handling_unit_entry_parent_id_idx ON handling_unit_entry (parent_id);

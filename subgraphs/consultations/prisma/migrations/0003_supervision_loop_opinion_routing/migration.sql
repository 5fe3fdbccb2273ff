-- Supervision tasks: the five steps and the assign → remind → feedback loop, the members
-- who joined, and who dispatched the task from above. Opinion items: review, routing,
-- handling, answer and rating, and the link to an item raised from below.
ALTER TYPE "OpinionStatus" ADD VALUE 'REJECTED' AFTER 'REVIEWED';
ALTER TYPE "OpinionRoute" ADD VALUE 'LOWER_LEVEL';
CREATE TYPE "OpinionNature" AS ENUM ('CONCRETE', 'CROSS_DEPARTMENT', 'POLICY');
CREATE TYPE "Satisfaction" AS ENUM ('SATISFIED', 'BASIC', 'UNSATISFIED');

ALTER TABLE supervision_task
  ADD COLUMN case_ref TEXT,
  ADD COLUMN dispatched_by TEXT,
  ADD COLUMN handling_unit TEXT,
  ADD COLUMN letter TEXT,
  ADD COLUMN feedback TEXT,
  ADD COLUMN reminders INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN member_ids UUID[] NOT NULL DEFAULT '{}',
  ADD COLUMN steps JSONB NOT NULL DEFAULT '[]',
  ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();

ALTER TABLE opinion_item
  ADD COLUMN nature "OpinionNature",
  ADD COLUMN rejection_reason TEXT,
  ADD COLUMN department TEXT,
  ADD COLUMN deadline DATE,
  ADD COLUMN topic_title TEXT,
  ADD COLUMN topic_id UUID,
  ADD COLUMN routed_to TEXT,
  ADD COLUMN source_region TEXT,
  ADD COLUMN source_item_id UUID,
  ADD COLUMN handling TEXT,
  ADD COLUMN answer TEXT,
  ADD COLUMN satisfaction "Satisfaction",
  ADD COLUMN dispatched_at TIMESTAMPTZ,
  ADD COLUMN closed_at TIMESTAMPTZ,
  ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();

CREATE INDEX opinion_item_region_status_idx ON opinion_item (region, status);

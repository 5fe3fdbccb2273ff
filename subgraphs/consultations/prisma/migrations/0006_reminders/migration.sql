-- The reminder scheduler (催办 that go out by themselves, src/reminder-sweep.ts), as the
-- proposals subgraph's (its migration 0008): an open supervision task or an opinion item
-- under handling that turns YELLOW or RED is reminded once per colour change. `reminder`
-- holds one row per (record, deadline, colour it turned), inserted first with ON CONFLICT
-- DO NOTHING, so several processes of one node, or a restarted one, record it once;
-- `task` delivers it to the committee's staff (one inbox for the office) and to the unit
-- or department handling the record.
CREATE TYPE "TaskKind" AS ENUM ('PROPOSAL', 'SUPERVISION_TASK', 'CONSULTATION_MINUTE', 'OPINION_ITEM');
CREATE TYPE "ReminderColour" AS ENUM ('YELLOW', 'RED');
CREATE TYPE "TaskAddressee" AS ENUM ('STAFF', 'UNIT');

CREATE TABLE reminder (
  id uuid PRIMARY KEY,
  kind "TaskKind" NOT NULL,
  record_id uuid NOT NULL,
  region text NOT NULL,
  title text NOT NULL,
  colour "ReminderColour" NOT NULL,
  deadline date NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT reminder_colour_change_key UNIQUE (kind, record_id, deadline, colour)
);

CREATE TABLE task (
  id uuid PRIMARY KEY,
  reminder_id uuid NOT NULL REFERENCES reminder (id) ON DELETE CASCADE,
  region text NOT NULL,
  addressee "TaskAddressee" NOT NULL,
  unit text NOT NULL,
  read_at timestamptz,
  CONSTRAINT task_addressee_key UNIQUE (reminder_id, addressee, unit)
);
CREATE INDEX task_inbox_idx ON task (region, addressee, unit, id);

-- The sweep reads a region's open records by deadline, not the whole table.
CREATE INDEX supervision_task_open_deadline_idx ON supervision_task (region, deadline)
  WHERE status <> 'CLOSED' AND deadline IS NOT NULL;
CREATE INDEX opinion_item_handling_deadline_idx ON opinion_item (region, deadline)
  WHERE status IN ('DISPATCHED', 'HANDLED') AND deadline IS NOT NULL;

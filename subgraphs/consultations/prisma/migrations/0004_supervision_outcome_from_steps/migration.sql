-- A supervision task's letter, the unit's feedback and the number of reminders are what its
-- step log records (the last ISSUE_LETTER note, the last FEEDBACK note, the REMIND steps):
-- derived from `steps` now, so the copies go.
ALTER TABLE supervision_task
  DROP COLUMN letter,
  DROP COLUMN feedback,
  DROP COLUMN reminders;

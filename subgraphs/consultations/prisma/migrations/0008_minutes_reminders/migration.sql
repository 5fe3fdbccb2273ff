-- The reminder sweep of minutes recipients (协商纪要 送达单位, src/data/reminders.ts
-- `minutesReminderScan`): one scan per deadline reads the recipients whose sign-off, or
-- answer, is still open, from these partial indexes alone, and their consultation's
-- region and sending time from the covering index of the consultations whose minutes were
-- sent. A recipient's deadlines are derived from that time, as the API computes them.
CREATE INDEX minutes_recipient_unsigned_idx ON minutes_recipient (consultation_id) INCLUDE (id)
  WHERE signed_off_at IS NULL;
CREATE INDEX minutes_recipient_unanswered_idx ON minutes_recipient (consultation_id) INCLUDE (id)
  WHERE answered_at IS NULL;
CREATE INDEX consultation_minutes_sent_idx ON consultation (region, id) INCLUDE (minutes_sent_at)
  WHERE minutes_sent_at IS NOT NULL;

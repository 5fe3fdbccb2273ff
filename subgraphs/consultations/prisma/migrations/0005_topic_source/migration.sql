-- Who sent a public topic suggestion, as a pseudonym (the caller's subject; for the
-- anonymous public, a keyed hash of its address made by the gateway), so that one source
-- can leave only so many topics waiting for the chair's meeting (kit `holdPendingSlot`).
ALTER TABLE consultation_topic ADD COLUMN source_key text;
CREATE INDEX consultation_topic_pending_source_idx ON consultation_topic (region, source_key)
  WHERE status = 'PENDING';

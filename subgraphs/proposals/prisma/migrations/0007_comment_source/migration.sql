-- Who sent a public comment, as a pseudonym (the caller's subject; for the anonymous
-- public, a keyed hash of its address made by the gateway), so that one source can leave
-- only so many comments waiting for moderation (kit `holdPendingSlot`). Replicas keep none.
ALTER TABLE proposal_comment ADD COLUMN source_key text;
CREATE INDEX proposal_comment_pending_source_idx ON proposal_comment (region, source_key)
  WHERE status = 'PENDING';

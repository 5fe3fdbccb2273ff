-- The reminder sweep's partial indexes cover what it reads (id), so a node's open records
-- are scanned from the index alone, as the proposals subgraph's (its migration 0009).
DROP INDEX supervision_task_open_deadline_idx;
CREATE INDEX supervision_task_open_deadline_idx ON supervision_task (region, deadline) INCLUDE (id)
  WHERE status <> 'CLOSED' AND deadline IS NOT NULL;
DROP INDEX opinion_item_handling_deadline_idx;
CREATE INDEX opinion_item_handling_deadline_idx ON opinion_item (region, deadline) INCLUDE (id)
  WHERE status IN ('DISPATCHED', 'HANDLED') AND deadline IS NOT NULL;

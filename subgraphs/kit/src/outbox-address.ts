/**
 * Where a node's subgraph records its events, and as whom: the `_outbox` table of its
 * region schema, and the region that owns what it writes.
 */
export interface OutboxAddress {
  /** PostgreSQL schema, e.g. `proposals_330503`. */
  schema: string;
  /** The owner region, the node that writes: its events' `originRegion`. */
  origin: string;
}

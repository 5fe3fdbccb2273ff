import { newId } from '../../ids.js';
import type { ReplicaClient } from '../replica/sql.js';

/**
 * Answers a resync request at the owner: the newest event of every aggregate the schema
 * owns goes into the outbox again, under a new event id (so JetStream does not take it for
 * a duplicate of its first publication) and otherwise unchanged: same type, version and
 * snapshot, to the same subjects. A replica that has it already skips it by version; one
 * that lost it applies it. The request is answered once: a redelivery republishes nothing.
 * Resolves to the number of events republished, or null for a request answered before.
 */
export function republishCurrentState(
  client: ReplicaClient,
  schema: string,
  request: { id: string; requester: string },
): Promise<number | null> {
  return client.$transaction(
    async (tx) => {
      const served = await tx.$queryRawUnsafe<unknown[]>(
        `INSERT INTO "${schema}"._resync_served (request_id, requester) VALUES ($1::uuid, $2)
         ON CONFLICT (request_id) DO NOTHING RETURNING 1`,
        request.id,
        request.requester,
      );
      if (served.length === 0) return null;
      // Events only (not commands or answers), the newest row of each aggregate.
      const rows = await tx.$queryRawUnsafe<{ seq: string }[]>(
        `SELECT DISTINCT ON (envelope->'aggregate'->>'type', envelope->'aggregate'->>'id') seq::text
           FROM "${schema}"._outbox
          WHERE subjects[1] LIKE 'cppcc.evt.%'
          ORDER BY envelope->'aggregate'->>'type', envelope->'aggregate'->>'id', seq DESC`,
      );
      if (rows.length > 0) {
        const ids = rows.map(() => newId());
        await tx.$executeRawUnsafe(
          `INSERT INTO "${schema}"._outbox (event_id, subjects, envelope)
           SELECT k.id, o.subjects, jsonb_set(o.envelope, '{eventId}', to_jsonb(k.id::text))
             FROM unnest($1::bigint[], $2::uuid[]) WITH ORDINALITY AS k(seq, id, n)
             JOIN "${schema}"._outbox o ON o.seq = k.seq
            ORDER BY k.n`,
          rows.map((r) => r.seq),
          ids,
        );
      }
      await tx.$executeRawUnsafe(
        `UPDATE "${schema}"._resync_served SET events = $2 WHERE request_id = $1::uuid`,
        request.id,
        rows.length,
      );
      return rows.length;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

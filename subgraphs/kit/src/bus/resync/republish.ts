import { newId } from '../../ids.js';
import type { RegionClient } from '../../raw-sql.js';

/** A requester is answered at most once a minute, whatever request ids it makes up. */
const perRequesterMs = 60_000;

/** Why a request was not answered with events: answered before, or covered by a later publication. */
export type NotRepeated = 'answered' | 'published since' | 'asked too often';

/**
 * Answers a resync request at the owner: the newest event of every aggregate the schema
 * owns goes into the outbox again, under a new event id (so JetStream does not take it for
 * a duplicate of its first publication) and otherwise unchanged: same type, version and
 * snapshot, to the same subjects. A replica that has it already skips it by version; one
 * that lost it applies it. The request is answered once: a redelivery republishes nothing.
 * Nor does a request made before the owner last published its state again (a province
 * rebuilt asks for all its subgraphs and consumers at once), or one from a requester
 * answered within the last minute (a hostile node making up request ids): each owner's
 * cost stays at one publication of its state per requester and minute at most.
 * Resolves to the number of events republished, or why none were.
 */
export function republishCurrentState(
  client: RegionClient,
  schema: string,
  request: {
    id: string;
    requester: string;
    askedAt: Date;
    /**
     * Only aggregates with a party (`snapshot.partyRegions`) whose code starts so: a joint
     * session's requester gets the sessions it keeps, not all of the owner's.
     */
    partyPrefix?: string;
  },
): Promise<number | NotRepeated> {
  return client.$transaction(
    async (tx) => {
      const [before] = await tx.$queryRawUnsafe<
        { answered: boolean; published_since: boolean; recent: boolean }[]
      >(
        `SELECT
           EXISTS (SELECT 1 FROM "${schema}"._resync_served WHERE request_id = $1::uuid) AS answered,
           EXISTS (SELECT 1 FROM "${schema}"._resync_served
                    WHERE events IS NOT NULL AND served_at > $3) AS published_since,
           EXISTS (SELECT 1 FROM "${schema}"._resync_served
                    WHERE requester = $2 AND events IS NOT NULL
                      AND served_at > now() - make_interval(secs => $4)) AS recent`,
        request.id,
        request.requester,
        request.askedAt,
        perRequesterMs / 1000,
      );
      const skipped: NotRepeated | null = before?.answered
        ? 'answered'
        : before?.published_since
          ? 'published since'
          : before?.recent
            ? 'asked too often'
            : null;
      // The row is written either way, so a redelivery is told 'answered'; a lock on it
      // keeps two deliveries of one request from both publishing.
      const served = await tx.$queryRawUnsafe<unknown[]>(
        `INSERT INTO "${schema}"._resync_served (request_id, requester) VALUES ($1::uuid, $2)
         ON CONFLICT (request_id) DO NOTHING RETURNING 1`,
        request.id,
        request.requester,
      );
      if (served.length === 0) return 'answered';
      if (skipped) return skipped;
      // Events only (not commands or answers), the newest version of each aggregate. Not
      // the newest row: an earlier republication may have copied an older version while a
      // newer one was being written, and taken a later seq than it.
      const rows = await tx.$queryRawUnsafe<{ seq: string }[]>(
        `SELECT DISTINCT ON (envelope->'aggregate'->>'type', envelope->'aggregate'->>'id') seq::text
           FROM "${schema}"._outbox
          WHERE subjects[1] LIKE 'cppcc.evt.%'
            AND ($1::text IS NULL OR EXISTS (
                  SELECT 1 FROM jsonb_array_elements_text(
                    COALESCE(envelope->'payload'->'snapshot'->'partyRegions', '[]'::jsonb)) AS p
                   WHERE starts_with(p, $1)))
          ORDER BY envelope->'aggregate'->>'type', envelope->'aggregate'->>'id',
                   (envelope->'aggregate'->>'version')::int DESC, seq DESC`,
        request.partyPrefix ?? null,
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

import type { EventName } from '@huishang/schema';
import {
  changeVersioned,
  newAggregateId,
  type OutboxAddress,
  versionedTable,
} from '@huishang/subgraph-kit';
import { recordEvent } from '@huishang/subgraph-kit/bus';
import { jointSessionSnapshot } from '../domain/joint-session-snapshot.js';
import type { JointSessionFields } from '../domain/session-input.js';
import type { JointParty, JointSession, Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { JointStage } from '../generated/prisma/enums.js';

export type { JointParty, JointSession };

export const findJointSessionsByIds = (db: PrismaClient, ids: string[]): Promise<JointSession[]> =>
  db.jointSession.findMany({ where: { id: { in: ids } } });

const hostFirst = [{ role: 'asc' as const }, { region: 'asc' as const }];

/** The parties of many sessions in one query, grouped by session, the host first. */
export async function findPartiesOfSessions(
  db: PrismaClient,
  ids: string[],
): Promise<{ id: string; parties: JointParty[] }[]> {
  const rows = await db.jointParty.findMany({
    where: { jointSessionId: { in: ids } },
    orderBy: hostFirst,
  });
  return ids.map((id) => ({ id, parties: rows.filter((p) => p.jointSessionId === id) }));
}

// `has` on the text[] column is `@>`, which the GIN index serves.
const joinedBy = (region: string) => ({ partyRegions: { has: region } });

export const listJointSessions = (
  db: PrismaClient,
  region: string,
  idBefore: { lt: string } | undefined,
  take: number,
) =>
  db.jointSession.findMany({
    where: { ...joinedBy(region), ...(idBefore ? { id: idBefore } : {}) },
    orderBy: { id: 'desc' },
    take,
  });

export const countJointSessions = (db: PrismaClient, region: string) =>
  db.jointSession.count({ where: joinedBy(region) });

const partiesOf = (tx: Prisma.TransactionClient, id: string) =>
  tx.jointParty.findMany({ where: { jointSessionId: id }, orderBy: hostFirst });

/**
 * Writes the session's event to the outbox in the transaction that changed it, with the
 * session as the write returned it and its parties; partners in other provinces receive it too.
 */
async function recordJointSessionEvent(
  tx: Prisma.TransactionClient,
  sink: OutboxAddress,
  type: `joint-session.${EventName<'joint-session'>}`,
  session: JointSession,
  parties: JointParty[],
): Promise<JointSession> {
  await recordEvent(
    tx,
    sink,
    {
      type,
      aggregate: { type: 'joint-session', id: session.id, version: session.version },
      payload: { snapshot: jointSessionSnapshot(session, parties) },
    },
    { shareWith: session.partyRegions },
  );
  return session;
}

/** Writes the session, all its parties and its event in one transaction: all or nothing. */
export const createJointSession = (
  db: PrismaClient,
  sink: OutboxAddress,
  { parties, ...fields }: JointSessionFields,
): Promise<JointSession> =>
  db.$transaction(async (tx) => {
    const id = newAggregateId(sink.origin);
    const session = await tx.jointSession.create({
      data: { id, ...fields, partyRegions: parties.map((p) => p.region) },
    });
    await tx.jointParty.createMany({ data: parties.map((p) => ({ jointSessionId: id, ...p })) });
    return recordJointSessionEvent(
      tx,
      sink,
      'joint-session.created',
      session,
      await partiesOf(tx, id),
    );
  });

/** The session as it stands in the caller's transaction (a command's, say). */
export const findJointSession = (
  tx: Prisma.TransactionClient,
  id: string,
): Promise<JointSession | null> => tx.jointSession.findUnique({ where: { id } });

const jointSessionTable = versionedTable(
  'JointSession',
  (tx: Prisma.TransactionClient) => tx.jointSession,
);

/**
 * Moves the session to `to` in the caller's transaction, only if nobody changed it since
 * it was read (the kit's `changeVersioned`), and records joint-session.advanced.
 */
export const moveJointStage = (
  tx: Prisma.TransactionClient,
  sink: OutboxAddress,
  current: JointSession,
  to: JointStage,
): Promise<JointSession> =>
  changeVersioned(tx, jointSessionTable, {
    id: current.id,
    readAt: current.version,
    plan: () => ({ fields: { stage: to } }),
    record: async (t, session) =>
      recordJointSessionEvent(
        t,
        sink,
        'joint-session.advanced',
        session,
        await partiesOf(t, session.id),
      ),
  });

/** Moves the session to `to` only if nobody changed it since it was read. */
export const updateJointStage = (
  db: PrismaClient,
  sink: OutboxAddress,
  current: JointSession,
  to: JointStage,
): Promise<JointSession> => db.$transaction((tx) => moveJointStage(tx, sink, current, to));

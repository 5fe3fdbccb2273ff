import { newId, VersionConflictError } from '@huishang/subgraph-kit';
import type { JointSessionFields } from '../domain/session-input.js';
import type { JointParty, JointSession, PrismaClient } from '../generated/prisma/client.js';
import type { JointStage } from '../generated/prisma/enums.js';

export type { JointParty, JointSession };

export const findJointSessionsByIds = (db: PrismaClient, ids: string[]): Promise<JointSession[]> =>
  db.jointSession.findMany({ where: { id: { in: ids } } });

/** The parties of many sessions in one query, grouped by session, the host first. */
export async function findPartiesOfSessions(
  db: PrismaClient,
  ids: string[],
): Promise<{ id: string; parties: JointParty[] }[]> {
  const rows = await db.jointParty.findMany({
    where: { jointSessionId: { in: ids } },
    orderBy: [{ role: 'asc' }, { region: 'asc' }],
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

/** Writes the session and all its parties in one transaction: all or nothing. */
export async function createJointSession(
  db: PrismaClient,
  { parties, ...fields }: JointSessionFields,
): Promise<JointSession> {
  const id = newId();
  const [session] = await db.$transaction([
    db.jointSession.create({
      data: { id, ...fields, partyRegions: parties.map((p) => p.region) },
    }),
    db.jointParty.createMany({ data: parties.map((p) => ({ jointSessionId: id, ...p })) }),
  ]);
  return session;
}

/** Moves the session to `to` only if nobody changed it since it was read. */
export async function updateJointStage(
  db: PrismaClient,
  current: JointSession,
  to: JointStage,
): Promise<JointSession> {
  const { count } = await db.jointSession.updateMany({
    where: { id: current.id, version: current.version },
    data: { stage: to, version: { increment: 1 } },
  });
  if (count === 0) {
    const latest = await db.jointSession.findUniqueOrThrow({ where: { id: current.id } });
    throw new VersionConflictError('JointSession', current.id, current.version, latest.version);
  }
  return db.jointSession.findUniqueOrThrow({ where: { id: current.id } });
}

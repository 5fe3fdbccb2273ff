import { ForbiddenError, NotFoundError } from '@huishang/subgraph-kit';
import type { CommandHandler } from '@huishang/subgraph-kit/bus';
import { findJointSession, moveJointStage } from '../data/joint-sessions.js';
import { canAgreeJointStage } from '../domain/agreement.js';
import { advanceStage } from '../domain/stages.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { JointStage } from '../generated/prisma/enums.js';

/**
 * `joint-session.agree-stage`, applied by the session's host: the caller must be staff of
 * one of its parties (`canAgreeJointStage`), and the step follows advanceJointSession's
 * rules (only the next stage), recorded with its joint-session.advanced event. The result
 * is the session's new stage and version.
 */
export const agreeJointSessionStage: CommandHandler<Prisma.TransactionClient> = {
  aggregate: 'joint-session',
  name: 'agree-stage',
  async execute(tx, command) {
    const { id, to } = command.payload as { id: string; to: JointStage };
    const current = await findJointSession(tx, id);
    // A replica of another host's session is not this node's to change.
    if (!current || current.region !== command.owner) throw new NotFoundError('JointSession', id);
    if (!canAgreeJointStage(command.caller, current.partyRegions))
      throw new ForbiddenError('write', command.owner, command.caller.region);
    const session = await moveJointStage(
      tx,
      command.sink,
      current,
      advanceStage(current.stage, to),
    );
    return { id: session.id, stage: session.stage, version: session.version };
  },
};

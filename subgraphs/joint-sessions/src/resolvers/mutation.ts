import { assertWritableRegion, NotFoundError } from '@huishang/subgraph-kit';
import type { JointSessionsContext } from '../context.js';
import { createJointSession, updateJointStage } from '../data/joint-sessions.js';
import { type CreateJointSessionInput, normaliseNewJointSession } from '../domain/session-input.js';
import { advanceStage } from '../domain/stages.js';
import type { JointStage } from '../generated/prisma/enums.js';

export const mutationResolvers = {
  createJointSession(
    _: unknown,
    { input }: { input: CreateJointSessionInput },
    context: JointSessionsContext,
  ) {
    assertWritableRegion(context.identity, input.region);
    return createJointSession(context.db(), context.sink(), normaliseNewJointSession(input));
  },

  // The host's staff advance on the host's node; a party elsewhere agrees by command.
  async advanceJointSession(
    _: unknown,
    args: { id: string; to: JointStage },
    context: JointSessionsContext,
  ) {
    const current = await context.jointSessionById.load(args.id);
    if (!current) throw new NotFoundError('JointSession', args.id);
    assertWritableRegion(context.identity, current.region);
    return updateJointStage(
      context.db(),
      context.sink(),
      current,
      advanceStage(current.stage, args.to),
    );
  },

  // The host authorises and applies it (commands/agree-stage.ts).
  agreeJointSessionStage(
    _: unknown,
    args: { id: string; host: string; to: JointStage },
    context: JointSessionsContext,
  ) {
    return context.commands.send({
      aggregate: 'joint-session',
      name: 'agree-stage',
      owner: args.host,
      payload: { id: args.id, to: args.to },
    });
  },
};
